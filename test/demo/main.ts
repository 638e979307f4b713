// npm run demo: Svara with a living demo municipality, on this machine's
// Postgres and Redis (a database and Redis prefix of its own, made anew each
// run), the fake Graph API, a mail server with a web page, and citizens who
// keep writing. Ctrl-C stops everything.
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { migrateDatabase } from '@svara/database';
import { FakeGraphServer } from '../support/fake-graph';
import { Dovecot } from '../support/dovecot';
import { MailViewer } from './mail-viewer';
import { DemoApi } from './demo-api';
import { Municipality } from './municipality';

const ROOT = path.resolve(__dirname, '../../..');
const env = process.env;
const PORT = Number(env.PORT ?? 3000);
const DATABASE_URL = env.DEMO_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/svara_demo';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = env.DEMO_REDIS_PREFIX ?? 'svara-demo';
const GRAPH_PORT = Number(env.DEMO_GRAPH_PORT ?? 4010);
const SMTP_PORT = Number(env.DEMO_SMTP_PORT ?? 2525);
const MAIL_PAGE_PORT = Number(env.DEMO_MAIL_PAGE_PORT ?? 8025);

export const ADMIN = { email: 'admin@sundsvik.se', password: 'Sundsvik-demo-admin-2026' };

async function freshDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await migrateDatabase(url);
}

async function freshRedisPrefix(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    for await (const keys of redis.scanStream({ match: `${REDIS_PREFIX}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

function startApp(name: 'api' | 'worker' | 'scheduler', appEnv: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=512', path.join(ROOT, 'dist/apps', name, 'src/main.js')],
    { env: { ...env, ...appEnv }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} stopped (${signal ?? code}); stopping the demo`);
    void stop(1);
  });
  return child;
}

let stopping = false;
const cleanups: (() => Promise<unknown> | void)[] = [];

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  console.log('Svara demo: preparing a fresh database and Redis prefix …');
  await freshDatabase(DATABASE_URL);
  await freshRedisPrefix();

  const graph = new FakeGraphServer('v23.0');
  await graph.listen(GRAPH_PORT);
  cleanups.push(() => graph.close());
  const mail = await MailViewer.start(SMTP_PORT, MAIL_PAGE_PORT);
  cleanups.push(() => mail.stop());

  const mailbox = { user: 'kommun@sundsvik.se', password: 'demo-imap-password' };
  const dovecot = await Dovecot.start([mailbox]).catch((error: Error) => {
    console.log(`  (no e-mail channel: ${error.message}; apt-get install dovecot-imapd adds it)`);
    return undefined;
  });
  if (dovecot) cleanups.push(() => dovecot.stop());

  const appEnv = {
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX,
    PORT: String(PORT),
    PUBLIC_URL: `http://localhost:${PORT}`,
    // A key of this run's own: the database is made anew each run.
    SECRETS_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: 'svara@sundsvik.se',
    META_GRAPH_URL: graph.url,
    META_GRAPH_VERSION: graph.version,
    // The demo's Graph API serves attachment files from this machine.
    ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SLA_SCAN_INTERVAL_SECONDS: '10',
    // Everyone in the demo writes from this one machine.
    FORM_RATE_LIMIT_PER_MINUTE: '10000',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    WORKER_METRICS_PORT: '0',
    SCHEDULER_METRICS_PORT: '0',
  };
  const apps: ChildProcess[] = (['api', 'worker', 'scheduler'] as const).map((name) =>
    startApp(name, appEnv),
  );
  cleanups.push(() =>
    Promise.all(
      apps.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    ),
  );

  const api = await DemoApi.signIn(`http://127.0.0.1:${PORT}`, ADMIN);
  const municipality = new Municipality(api, graph.store, mail.receiver, dovecot, mailbox);
  const { people } = await municipality.setUp();
  console.log('  waiting for the first polls to bring the history in …');
  const threads = await municipality.settle();
  await municipality.workTheInbox();
  municipality.keepWriting();

  const line = (role: string, who: { email: string; password: string }) =>
    `  ${role.padEnd(8)} ${who.email.padEnd(28)} ${who.password}`;
  console.log(`
Svara demo is running: ${threads} threads, and citizens keep writing.

  Inbox     http://localhost:${PORT}/
  API docs  http://localhost:${PORT}/api/docs
  E-mail    ${mail.pageUrl}   (what Svara sent: escalations, replies)

Sign in as:
${line('admin', ADMIN)}
${people.map((person) => line(person.role.toLowerCase(), person)).join('\n')}

Ctrl-C stops the demo. Each start begins again from a fresh demo database.`);
}

main().catch((error: unknown) => {
  console.error('The demo could not start:', error);
  void stop(1);
});
