import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { PrismaService } from '@svara/database';
import { createWebFormChannel, eventually, exited, startWorker, testEnv } from '@svara/testing';
import type { INestApplicationContext } from '@nestjs/common';

const ROOT = path.resolve(__dirname, '../..');
const WORKER_ENTRY = 'dist/apps/worker/src/main.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Processes below `root` (from /proc), with their command lines. */
function descendants(root: number): { pid: number; cmdline: string }[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // Gone meanwhile.
    }
  }
  const below = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) {
      if (at === root) return true;
    }
    return false;
  };
  return [...commands].filter(([pid]) => below(pid)).map(([pid, cmdline]) => ({ pid, cmdline }));
}

/** The worker's node process itself (not the shell npm runs it in). */
const workerPid = (root: number) =>
  descendants(root).find(
    ({ cmdline }) =>
      path.basename(cmdline.split(' ')[0]!) === 'node' && cmdline.includes(WORKER_ENTRY),
  )?.pid;

// `npm start` ran api, worker and scheduler under concurrently with
// --kill-others-on-fail: a crashed worker took the api down, and nothing came back.
describe('npm start when a process crashes', () => {
  let start: ChildProcess;
  let output = '';
  let port: number;
  let context: INestApplicationContext;

  beforeAll(async () => {
    port = await freePort();
    start = spawn('npm', ['run', 'start:all', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, ...testEnv({ PORT: String(port), LOG_LEVEL: 'info' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the test can end everything it started.
      detached: true,
    });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // For the test's own database access (the worker module, not started processing).
    context = await startWorker({ LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await context?.close();
    if (start?.pid && start.exitCode === null) {
      // As Ctrl-C in a terminal: the whole group gets SIGINT, and nothing restarts.
      process.kill(-start.pid, 'SIGINT');
      const timer = setTimeout(() => process.kill(-start.pid!, 'SIGKILL'), 15_000);
      await exited(start);
      clearTimeout(timer);
    }
  });

  const health = () =>
    fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (response) => response.status,
      () => undefined,
    );

  it('restarts the killed worker while the api keeps answering', async () => {
    await eventually(async () => ((await health()) === 200 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: 'the api to answer',
    });
    expect(output).toContain(
      `Svara is serving http://localhost:${port} (API /api/v1, docs /api/docs)`,
    );
    const first = await eventually(async () => workerPid(start.pid!), {
      timeoutMs: 30_000,
      what: 'the worker process',
    });

    process.kill(first, 'SIGKILL');
    // While it is gone and until it is back, the api answers.
    const back = await eventually(
      async () => {
        expect(await health()).toBe(200);
        const pid = workerPid(start.pid!);
        return pid !== undefined && pid !== first ? pid : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'a new worker process' },
    );
    expect(back).not.toBe(first);
    expect(output).toMatch(/start:worker.* restarted/);

    // The new worker does the work: a submission becomes a thread.
    const prisma = context.get(PrismaService);
    const channel = await createWebFormChannel(prisma);
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/forms/${channel.id}/submissions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Anna', email: 'anna.restart@example.se', message: 'Hej' }),
      },
    );
    expect(response.status).toBe(202);
    await eventually(
      async () =>
        (await prisma.thread.count({ where: { channelId: channel.id } })) === 1 ? true : undefined,
      { timeoutMs: 30_000, what: 'the restarted worker to ingest the submission' },
    );
    expect(start.exitCode).toBeNull();
  });
});
