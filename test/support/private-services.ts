import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { eventually } from './eventually';

// Private Redis and Postgres servers for fault tests, which stop and restart
// them: the machine's shared servers are never touched.

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts an empty server (nothing kept on disk, as on these machines). */
  async up(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await eventually(
      async () => {
        const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
        try {
          await client.connect();
          return (await client.ping()) === 'PONG' ? true : undefined;
        } catch {
          return undefined;
        } finally {
          client.disconnect();
        }
      },
      { what: 'private redis', intervalMs: 50 },
    );
  }

  /** Kills the server: everything it held is gone. */
  async down(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

const PG_BIN = process.env.PG_BIN ?? execFileSync('pg_config', ['--bindir']).toString().trim();

export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const root = mkdtempSync(path.join(tmpdir(), 'svara-pg-'));
    chmodSync(root, 0o755);
    const dataDir = path.join(root, 'data');
    const pg = new PrivatePostgres(await freePort(), dataDir);
    pg.run(
      'initdb',
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
      root,
    );
    await pg.up();
    return pg;
  }

  url(database = 'postgres'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async up(): Promise<void> {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${path.dirname(this.dataDir)} -c fsync=off`,
      '-w',
      '-l',
      path.join(path.dirname(this.dataDir), 'log'),
      'start',
    ]);
    await eventually(
      async () => {
        const client = new Client({ connectionString: this.url() });
        try {
          await client.connect();
          return true;
        } catch {
          return undefined;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      { what: 'private postgres' },
    );
  }

  /** Stops the server at once, dropping every connection, as a crash would. */
  async down(): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.down();
    } catch {
      // already stopped
    }
    rmSync(path.dirname(this.dataDir), { recursive: true, force: true });
  }

  /** Postgres refuses to run as root: run its tools as the postgres user then. */
  private run(tool: string, args: string[], ownDir?: string): void {
    const binary = path.join(PG_BIN, tool);
    if (process.getuid?.() === 0) {
      if (ownDir)
        chownSync(
          ownDir,
          Number(execFileSync('id', ['-u', 'postgres'])),
          Number(execFileSync('id', ['-g', 'postgres'])),
        );
      execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'ignore' });
    } else {
      execFileSync(binary, args, { stdio: 'ignore' });
    }
  }
}
