import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

// Shared pieces of the benchmarks: a database of their own, the built apps as
// processes, and the figures printed in one format.

export const ROOT = path.resolve(__dirname, '../..');
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database (dropped by `drop`), so figures never depend on leftovers. */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const url = new URL(POSTGRES);
  url.pathname = `/svara_bench_${name}_${randomBytes(3).toString('hex')}`;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'dist/libs/database/src/migrations/cli.js'), 'deploy'],
    {
      env: { ...process.env, ...benchEnv(url.toString()) },
      stdio: 'ignore',
    },
  );
  return {
    url: url.toString(),
    async drop() {
      const admin = new Client({ connectionString: POSTGRES });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function benchEnv(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_PREFIX: `svara-bench-${process.pid}`,
    SECRETS_KEY: 'be'.repeat(32),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** How `npm start` and the Docker image run the apps (package.json's start scripts). */
const APP_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=8'];
// Metrics on any free port, so a benchmark runs beside a Svara already started here.
const APP_ENV = { MALLOC_ARENA_MAX: '2', WORKER_METRICS_PORT: '0', SCHEDULER_METRICS_PORT: '0' };

/** BENCH_CPU_PROFILE_DIR: each app writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const PROFILE_FLAGS = process.env.BENCH_CPU_PROFILE_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE_DIR)}`]
  : [];

/** One of the built apps as its own process; with `captureOutput`, its log (stdout) is piped. */
export function startApp(
  name: 'api' | 'worker' | 'scheduler',
  env: Record<string, string>,
  { captureOutput = false } = {},
): ChildProcess {
  return spawn(
    process.execPath,
    [...APP_NODE_FLAGS, ...PROFILE_FLAGS, path.join(ROOT, 'dist/apps', name, 'src/main.js')],
    {
      env: { ...process.env, ...APP_ENV, ...env },
      stdio: ['ignore', captureOutput ? 'pipe' : 'ignore', 'inherit'],
    },
  );
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a running process so far, in MB (Linux VmHWM). */
export const peakRssMb = (pid: number): number => procStatusMb(pid, 'VmHWM');

/**
 * Starts a new peak (VmHWM) at the current resident size, so `peakRssMb`
 * measures from here on (Linux clear_refs). False where the kernel refuses.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time a process has used so far, user and system, in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const CLOCK_TICKS_PER_SECOND = 100;
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a running process now, in MB (Linux VmRSS). */
export const rssMb = (pid: number): number => procStatusMb(pid, 'VmRSS');

function procStatusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
  );
  return line ? Number(line[1]) / 1024 : NaN;
}

export async function until(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`benchmark timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the api at `baseUrl` (http://host:port) answers its health check. */
export function apiAnswering(baseUrl: string, timeoutMs: number): Promise<void> {
  return until(
    async () => (await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined))?.ok === true,
    timeoutMs,
    'the api to start',
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function report(title: string, figures: Figure[]): Figure[] {
  console.log(`\n## ${title}`);
  for (const figure of figures) {
    const value = Number.isInteger(figure.value) ? figure.value : figure.value.toFixed(2);
    console.log(
      `${figure.name.padEnd(48)} ${String(value).padStart(12)} ${figure.unit}${figure.note ? `  (${figure.note})` : ''}`,
    );
  }
  return figures;
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
