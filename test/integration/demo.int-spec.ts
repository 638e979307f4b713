import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { eventually, exited, freePort } from '@svara/testing';
import { TEST_PREFIX_ENV, TEST_REDIS_URL, TEST_STATE_ENV } from '../support/test-database';

const ROOT = path.resolve(__dirname, '../..');

jest.setTimeout(180_000);

interface ThreadRow {
  status: string;
  slaState: string;
  channelType: string;
}

/** npm run demo, as a new user runs it: a living inbox within a minute. */
describe('the demo', () => {
  const databaseUrl = `${process.env[TEST_STATE_ENV]!}_demo`;
  const redisPrefix = `${process.env[TEST_PREFIX_ENV]!}-demo`;
  let demo: ChildProcess;
  let output = '';
  let port: number;
  let mailPagePort: number;

  beforeAll(async () => {
    [port, mailPagePort] = [await freePort(), await freePort()];
    demo = spawn(process.execPath, [path.join(ROOT, 'dist/test/demo/main.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        DEMO_DATABASE_URL: databaseUrl,
        DEMO_REDIS_PREFIX: redisPrefix,
        REDIS_URL: TEST_REDIS_URL,
        DEMO_GRAPH_PORT: String(await freePort()),
        DEMO_SMTP_PORT: String(await freePort()),
        DEMO_MAIL_PAGE_PORT: String(mailPagePort),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });

  afterAll(async () => {
    if (demo.exitCode === null && demo.signalCode === null) {
      demo.kill('SIGKILL');
      await exited(demo);
    }
    const admin = new URL(databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
  });

  it('is an inbox with threads in every state on every channel within a minute, and new ones keep coming', async () => {
    await eventually(async () => (output.includes('Svara demo is running') ? true : undefined), {
      timeoutMs: 90_000,
      intervalMs: 500,
      what: `the demo to start; it printed:\n${output}`,
    });
    const credentials = /admin\s+(\S+@\S+)\s+(\S+)/.exec(output);
    expect(credentials).not.toBeNull();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials![1], password: credentials![2] }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const threads = async () => {
      const rows: ThreadRow[] = [];
      let cursor: string | null = null;
      do {
        const response = await fetch(
          `${base}/threads?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { headers: { authorization: `Bearer ${accessToken}` } },
        );
        const page = (await response.json()) as { data: ThreadRow[]; nextCursor: string | null };
        rows.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return rows;
    };

    const first = await threads();
    expect(first.length).toBeGreaterThan(200);
    expect(new Set(first.map((thread) => thread.slaState))).toEqual(
      new Set(['OK', 'WARNING', 'BREACHED', 'NONE']),
    );
    expect(new Set(first.map((thread) => thread.status))).toEqual(
      new Set(['OPEN', 'PENDING', 'CLOSED']),
    );
    expect(new Set(first.map((thread) => thread.channelType))).toEqual(
      new Set(['FACEBOOK_PAGE', 'INSTAGRAM', 'EMAIL', 'WEB_FORM']),
    );
    // Replies to citizens who wrote by form or e-mail land on the demo's mail page.
    const mailPage = await (await fetch(`http://127.0.0.1:${mailPagePort}/`)).text();
    expect(mailPage).toMatch(/E-post som Svara har skickat \([1-9]\d*\)/);

    await eventually(async () => ((await threads()).length > first.length ? true : undefined), {
      timeoutMs: 40_000,
      intervalMs: 2000,
      what: 'new citizens’ messages to arrive',
    });

    demo.kill('SIGINT');
    expect(await exited(demo)).toEqual({ code: 0, signal: null });
  });
});
