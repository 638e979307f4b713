// Benchmark: Messenger messages polled from the fake Graph API and ingested end
// to end (Graph requests, inbound batches, the ingest queue, Postgres) by the
// built worker, while the built API serves an open inbox its live events.
// Each runs as its own process, as in production, and so does the fake Graph
// API, as Meta's would be elsewhere. Prints messages per second, checks that
// every message was stored exactly once, and prints the peak resident memory
// of the worker and the API (the kernel's VmHWM).
//
//   npm run bench:meta     (100,000 messages in 1,000 conversations)
//
// BENCH_CONVERSATIONS and BENCH_MESSAGES_PER_CONVERSATION change the size;
// BENCH_GRAPH_LATENCY_MS makes the fake Graph API take that long for each
// answer (`150`, or a range `100-300`), as Meta's servers do. Uses
// a database of its own (created, then dropped) on BENCH_POSTGRES_URL and a
// Redis key prefix of its own in BENCH_REDIS_URL (see support.ts).
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  BENCH_REDIS_URL,
  benchDatabase,
  benchEnv,
  cpuSeconds,
  peakRssMb,
  resetPeakRss,
  rssMb,
  startApp,
  stopApp,
  until,
  apiAnswering,
} from './support';

interface FakeGraph {
  process: ChildProcess;
  url: string;
  version: string;
  pageId: string;
  token: string;
  messages: number;
}

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const PER_CONVERSATION = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 100);
const GRAPH_LATENCY_MS = process.env.BENCH_GRAPH_LATENCY_MS ?? '';
const TIMEOUT_MS = 15 * 60_000;
const ADMIN = { email: 'bench.admin@kommun.se', password: 'bench admin password' };

/** Starts the fake Graph API (test/support/fake-graph) with the benchmark's Page. */
function startFakeGraph(): Promise<FakeGraph> {
  const child = fork(path.resolve(__dirname, '../test/support/fake-graph/main.js'), [], {
    env: {
      ...process.env,
      PORT: '0',
      FAKE_GRAPH_MESSENGER: `${CONVERSATIONS}x${PER_CONVERSATION}`,
      FAKE_GRAPH_LATENCY_MS: GRAPH_LATENCY_MS,
    },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) =>
      resolve({ process: child, ...(ready as Omit<FakeGraph, 'process'>) }),
    );
    child.once('exit', (code) => reject(new Error(`The fake Graph API exited (${code})`)));
  });
}

function requestsServed(fake: FakeGraph): Promise<number> {
  return new Promise((resolve) => {
    fake.process.once('message', (stats) => resolve((stats as { requests: number }).requests));
    fake.process.send('stats');
  });
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The API over HTTP, as an admin. */
async function adminClient(base: string) {
  const call = async <T>(method: string, route: string, body?: unknown, token?: string) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const { accessToken } = await call<{ accessToken: string }>('POST', '/auth/login', ADMIN);
  return {
    token: accessToken,
    post: <T>(route: string, body: unknown = {}) => call<T>('POST', route, body, accessToken),
  };
}

/** Holds the inbox's live event stream open and counts the new-message events it brings. */
async function openInbox(base: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(`${base}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`/events answered ${response.status}`);
  const seen = { events: 0 };
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const events = (buffer + decoder.decode(chunk, { stream: true })).split('\n\n');
      buffer = events.pop() ?? '';
      seen.events += events.filter((event) => event.includes('event: message.created')).length;
    }
  })().catch(() => undefined);
  return {
    seen,
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

/** CPU seconds used so far by each of the processes, by name; Postgres's backends for this database summed. */
/** The Redis server's process id, when it runs on this machine (CPU time is read from /proc). */
async function redisServerPid(): Promise<number | undefined> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    readFileSync(`/proc/${pid}/stat`);
    return pid;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

async function cpuUse(db: Client, processes: Record<string, ChildProcess>, redisPid?: number) {
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      backends.set(pid, cpuSeconds(pid));
    } catch {
      // The connection closed meanwhile.
    }
  }
  const apps = Object.fromEntries(
    Object.entries(processes).map(([name, child]) => [name, cpuSeconds(child.pid!)]),
  );
  if (redisPid !== undefined) apps.Redis = cpuSeconds(redisPid);
  return { apps, backends };
}

type CpuUse = Awaited<ReturnType<typeof cpuUse>>;

function cpuSpent(before: CpuUse, after: CpuUse): string {
  const spent = Object.entries(after.apps).map(
    ([name, seconds]) => `${name} ${(seconds - before.apps[name]!).toFixed(1)} s`,
  );
  let postgres = 0;
  for (const [pid, seconds] of after.backends)
    postgres += seconds - (before.backends.get(pid) ?? 0);
  return [...spent, `Postgres ${postgres.toFixed(1)} s`].join(', ');
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

/** Warnings the worker logged about failed job attempts (each is retried). */
function countFailedAttempts(worker: ChildProcess) {
  const counted = { failed: 0, deadlocks: 0 };
  let tail = '';
  worker.stdout?.setEncoding('utf8');
  worker.stdout?.on('data', (chunk: string) => {
    const lines = (tail + chunk).split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"job failed"')) continue;
      counted.failed += 1;
      if (line.includes('deadlock')) counted.deadlocks += 1;
    }
  });
  return counted;
}

async function main(): Promise<void> {
  const fake = await startFakeGraph();
  const database = await benchDatabase('meta');
  const port = await freePort();
  const env = benchEnv(database.url, {
    PORT: String(port),
    META_GRAPH_URL: fake.url,
    META_GRAPH_VERSION: fake.version,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const api = startApp('api', env);
  const worker = startApp('worker', env, { captureOutput: true });
  const attempts = countFailedAttempts(worker);
  const queues = ['poll', 'ingest'].map(
    (name) =>
      new Queue(name, {
        connection: { url: BENCH_REDIS_URL },
        prefix: `${env.REDIS_PREFIX}:bull`,
      }),
  );
  let inbox: Awaited<ReturnType<typeof openInbox>> | undefined;

  try {
    await apiAnswering(`http://127.0.0.1:${port}`, 60_000);
    await until(
      async () =>
        (await Promise.all(queues.map((queue) => queue.getWorkersCount()))).every((n) => n > 0),
      60_000,
      'the worker to start',
    );
    const admin = await adminClient(base);
    const channel = await admin.post<{ id: string }>('/channels', {
      type: 'FACEBOOK_PAGE',
      name: 'Benchmark',
      backfillSince: new Date(Date.now() - 30 * 24 * 3600_000).toISOString(),
      config: { pageId: fake.pageId },
      secrets: { pageAccessToken: fake.token },
    });
    inbox = await openInbox(base, admin.token);
    const idle = { worker: rssMb(worker.pid!), api: rssMb(api.pid!) };
    // The peaks are of the ingest run, not of start-up.
    const fromRunStart = [worker, api].every((app) => resetPeakRss(app.pid!));
    const count = async (sql: string) =>
      Number((await db.query<{ n: string }>(sql, [channel.id])).rows[0]!.n);

    const latency = GRAPH_LATENCY_MS ? `${GRAPH_LATENCY_MS} ms` : 'no';
    console.log(
      `Polling ${fake.messages.toLocaleString('en')} Messenger messages in ${CONVERSATIONS.toLocaleString('en')} conversations, ${latency} Graph latency…`,
    );
    const processes = { worker, api, 'fake Graph API': fake.process };
    const redisPid = await redisServerPid();
    const cpuBefore = await cpuUse(db, processes, redisPid);
    const started = process.hrtime.bigint();
    await admin.post(`/channels/${channel.id}/poll`);
    // Done when the poll has finished and no batch waits: cheap to ask every
    // 100 ms, unlike counting the messages, which would load Postgres itself.
    let polledAt: bigint | undefined;
    await until(
      async () => {
        if (!polledAt) {
          const {
            rows: [row],
          } = await db.query<{ cursor: { pass?: unknown } | null }>(
            'SELECT cursor FROM channels WHERE id = $1',
            [channel.id],
          );
          if (row?.cursor && !row.cursor.pass) polledAt = process.hrtime.bigint();
        }
        return (
          polledAt !== undefined &&
          (await count(
            `SELECT count(*) AS n FROM inbound_batches WHERE "channelId" = $1 AND status = 'PENDING'`,
          )) === 0
        );
      },
      TIMEOUT_MS,
      'every batch to be ingested',
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = { worker: peakRssMb(worker.pid!), api: peakRssMb(api.pid!) };
    const cpu = cpuSpent(cpuBefore, await cpuUse(db, processes, redisPid));

    // Counted after the run: each message once, each thread's counter right.
    const {
      rows: [stored],
    } = await db.query<{ messages: string; distinct: string; outbound: string }>(
      `SELECT count(*) AS messages, count(DISTINCT "externalId") AS distinct,
         count(*) FILTER (WHERE direction = 'OUTBOUND') AS outbound
       FROM messages WHERE "channelId" = $1`,
      [channel.id],
    );
    const {
      rows: [threads],
    } = await db.query<{ threads: string; counted: string }>(
      `SELECT count(*) AS threads, coalesce(sum("messageCount"), 0) AS counted
       FROM threads WHERE "channelId" = $1`,
      [channel.id],
    );
    const batches = await count('SELECT count(*) AS n FROM inbound_batches WHERE "channelId" = $1');
    const graphRequests = await requestsServed(fake);
    const messages = Number(stored!.messages);
    if (
      messages !== fake.messages ||
      Number(stored!.distinct) !== fake.messages ||
      Number(threads!.threads) !== CONVERSATIONS ||
      Number(threads!.counted) !== fake.messages
    ) {
      throw new Error(
        `Stored ${messages} messages (${stored!.distinct} distinct) in ${threads!.threads} threads counting ${threads!.counted}; expected ${fake.messages} in ${CONVERSATIONS}`,
      );
    }
    console.log(
      `  stored             ${messages.toLocaleString('en')} messages, each once (${Number(stored!.outbound).toLocaleString('en')} of them the Page's own), ${threads!.threads} threads`,
    );
    console.log(
      `  Graph requests     ${graphRequests.toLocaleString('en')} in ${batches} inbound batches`,
    );
    console.log(
      `  failed attempts    ${attempts.failed} (${attempts.deadlocks} deadlocks), retried`,
    );
    console.log(`  live events        ${inbox.seen.events.toLocaleString('en')} to an open inbox`);
    if (polledAt)
      console.log(`  polling done after ${(Number(polledAt - started) / 1e9).toFixed(1)} s`);
    console.log(`  end to end         ${seconds.toFixed(1)} s`);
    console.log(`  CPU time           ${cpu}`);
    console.log(
      `  throughput         ${Math.round(messages / seconds).toLocaleString('en')} messages/s`,
    );
    const since = fromRunStart ? 'during the run' : 'since start-up';
    console.log(
      `  peak RSS worker    ${peak.worker.toFixed(0)} MB ${since} (${idle.worker.toFixed(0)} MB before the poll)`,
    );
    console.log(
      `  peak RSS api       ${peak.api.toFixed(0)} MB ${since} (${idle.api.toFixed(0)} MB before the poll)`,
    );
  } finally {
    await inbox?.close();
    await Promise.all([stopApp(worker), stopApp(api)]);
    await Promise.all(queues.map((queue) => queue.close()));
    fake.process.kill('SIGTERM');
    await db.end();
    await database.drop();
    await deleteRedisKeys(env.REDIS_PREFIX);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
