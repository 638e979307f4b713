// Live events under load: 500 inboxes hold GET /events open with browser-session
// cookies (plain HTTP clients, plus two real Chromium pages with EventSource)
// while about 1,000 web-form messages a second are ingested through the ingest
// queue, as the public form route hands them over. Prints the p50/p95/p99 from
// a message's commit (its receivedAt) to its event at every client, and the
// api's peak resident memory.
//
//   npm run bench:events   (BENCH_STREAMS=500, BENCH_RATE=1000 messages/s,
//                           BENCH_SECONDS=30, BENCH_BROWSER_PAGES=2,
//                           BENCH_SESSIONS=100, BENCH_TEAMS=1)

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { Queue } from 'bullmq';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { Client } from 'pg';
import { PasswordHasher } from '@svara/auth';
import { loadConfig } from '@svara/config';
import { PrismaClient } from '@svara/database';
import { bullConnection, bullPrefix, jobId, QUEUES } from '@svara/pipeline';
import {
  benchDatabase,
  benchEnv,
  cpuSeconds,
  machine,
  peakRssMb,
  percentile,
  report,
  rssMb,
  startApp,
  stopApp,
  apiAnswering,
  until,
} from './support';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BROWSER_PAGES = Number(process.env.BENCH_BROWSER_PAGES ?? 2);
/** Agents signed in; each holds STREAMS / SESSIONS streams (tabs) on one session. */
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100);
/** Teams, each with its own web form; agents are spread over them. */
const TEAMS = Number(process.env.BENCH_TEAMS ?? 1);
const TICK_MS = 100;
const PASSWORD = 'bench agent password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Latencies in whole milliseconds, counted in buckets, so millions of arrivals fit. */
class Histogram {
  private readonly counts = new Uint32Array(600_001);
  total = 0;
  add(ms: number): void {
    this.counts[Math.max(0, Math.min(this.counts.length - 1, Math.round(ms)))]! += 1;
    this.total += 1;
  }
  percentile(p: number): number {
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let ms = 0; ms < this.counts.length; ms += 1) {
      seen += this.counts[ms]!;
      if (seen >= rank) return ms;
    }
    return NaN;
  }
}

/** Arrivals of message.created events, matched to commit times as they become known. */
class Arrivals {
  readonly histogram = new Histogram();
  private readonly committedAt = new Map<string, number>();
  private pending: [string, number][] = [];

  arrived(threadId: string, at: number): void {
    const committed = this.committedAt.get(threadId);
    if (committed === undefined) this.pending.push([threadId, at]);
    else this.histogram.add(at - committed);
  }
  committed(threadId: string, at: number): void {
    this.committedAt.set(threadId, at);
  }
  settle(): number {
    const waiting = this.pending;
    this.pending = [];
    for (const [threadId, at] of waiting) this.arrived(threadId, at);
    return this.pending.length;
  }
}

const THREAD_ID = /"threadId":"([0-9a-f-]{36})"/g;

/** One inbox's event stream over plain HTTP, with the session cookie a browser would send. */
function openStream(
  port: number,
  headers: Record<string, string>,
  arrivals: Arrivals,
  streams: http.ClientRequest[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/api/v1/events', headers, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`event stream answered ${response.statusCode}`));
          return;
        }
        response.setEncoding('utf8');
        let ready = false;
        let rest = '';
        response.on('data', (chunk: string) => {
          const now = Date.now();
          // Whole events only: a chunk may end in the middle of one.
          const text = rest + chunk;
          const end = text.lastIndexOf('\n\n');
          if (end < 0) {
            rest = text;
            return;
          }
          rest = text.slice(end + 2);
          const events = text.slice(0, end);
          if (!ready && events.includes('event: ready')) {
            ready = true;
            resolve();
          }
          // Only message.created events carry a threadId here: nothing else happens meanwhile.
          for (const match of events.matchAll(THREAD_ID)) arrivals.arrived(match[1]!, now);
        });
        response.on('error', () => undefined);
      },
    );
    request.on('error', reject);
    streams.push(request);
  });
}

/** A real page with EventSource on the session cookie; arrivals are kept in the page. */
async function browserPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/api/v1/health`);
  // Page code as text: this file is compiled without the DOM's types.
  await page.evaluate(`new Promise((resolve, reject) => {
    window.arrivals = [];
    const source = new EventSource('/api/v1/events');
    source.addEventListener('ready', () => resolve());
    source.addEventListener('message.created', (event) => {
      window.arrivals.push([JSON.parse(event.data).threadId, Date.now()]);
    });
    source.onerror = () => reject(new Error('EventSource failed'));
  })`);
}

async function main(): Promise<void> {
  console.log(`# Event streams under ingest, ${new Date().toISOString()}\n${machine()}`);
  const database = await benchDatabase('events');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = benchEnv(database.url, {
    PORT: String(port),
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'error',
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  const config = loadConfig(env);
  const ingest = new Queue(QUEUES.ingest, {
    connection: bullConnection(config),
    prefix: bullPrefix(config),
  });
  const api = startApp('api', env);
  const worker = startApp('worker', env);
  const browser = await launchBrowser();
  const streams: http.ClientRequest[] = [];
  try {
    // A web form per team; each agent is in one team and sees that team's threads.
    // With one team (the default) every client is told of every message.
    const passwordHash = await new PasswordHasher().hash(PASSWORD);
    const teams = await Promise.all(
      Array.from({ length: TEAMS }, (_, i) =>
        prisma.team.create({ data: { name: `Kontaktcenter ${i + 1}` } }),
      ),
    );
    const channels = await Promise.all(
      teams.map((team, i) =>
        prisma.channel.create({
          data: {
            type: 'WEB_FORM',
            name: `Kontakta oss ${i + 1}`,
            teamId: team.id,
            backfillSince: new Date(),
          },
        }),
      ),
    );
    const channelIds = channels.map((channel) => channel.id);
    const agents = await Promise.all(
      Array.from({ length: SESSIONS }, (_, i) =>
        prisma.user.create({
          data: {
            email: `agent${i}@kommun.se`,
            name: `Handläggare ${i}`,
            role: 'AGENT',
            passwordHash,
            memberships: { create: { teamId: teams[i % TEAMS]!.id } },
          },
        }),
      ),
    );
    await apiAnswering(url, 30_000);

    // Browser sessions (the cookie); API clients' Bearer tokens where the route is missing.
    const sessions: Record<string, string>[] = [];
    const cookies: string[] = [];
    for (const agent of agents) {
      const response = await fetch(`${url}/api/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: agent.email, password: PASSWORD }),
      });
      if (!response.ok) throw new Error(`POST /auth/session answered ${response.status}`);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('svara_session='));
      if (!cookie) throw new Error('POST /auth/session set no svara_session cookie');
      const value = cookie.split(';')[0]!;
      cookies.push(value.slice('svara_session='.length));
      sessions.push({ cookie: value });
    }

    const idleRss = rssMb(api.pid!);
    const idlePeak = peakRssMb(api.pid!);
    const arrivals = new Arrivals();
    const opening = Date.now();
    for (let i = 0; i < STREAMS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, STREAMS - i) }, (_, j) =>
          openStream(port, sessions[(i + j) % sessions.length]!, arrivals, streams),
        ),
      );
    }
    console.log(
      `${STREAMS} event streams open on ${sessions.length} sessions in ${Date.now() - opening} ms`,
    );
    const pages: Page[] = [];
    for (let i = 0; i < BROWSER_PAGES; i += 1) {
      const context = await browser.newContext();
      await context.addCookies([
        { name: 'svara_session', value: cookies[i % cookies.length]!, url },
      ]);
      const page = await context.newPage();
      await browserPage(page, url);
      pages.push(page);
    }
    console.log(`${pages.length} Chromium pages hold an EventSource on the same sessions`);

    // Commit times, read as the worker writes them.
    let lastSeen = new Date(0);
    const readCommits = async () => {
      const { rows } = await pg.query<{ threadId: string; receivedAt: Date }>(
        `SELECT "threadId", "receivedAt" FROM messages
          WHERE "channelId" = ANY($1::uuid[]) AND "receivedAt" >= $2 ORDER BY "receivedAt"`,
        [channelIds, lastSeen],
      );
      for (const row of rows) arrivals.committed(row.threadId, row.receivedAt.getTime());
      if (rows.length) lastSeen = rows[rows.length - 1]!.receivedAt;
      arrivals.settle();
      return rows.length;
    };

    const apiCpuBefore = cpuSeconds(api.pid!);
    const benchCpuBefore = process.cpuUsage();
    const perTick = Math.round((RATE * TICK_MS) / 1000);
    let submitted = 0;
    const submittedTo = teams.map(() => 0);
    let behind = 0;
    const started = Date.now();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await readCommits();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    for (let tick = 0; Date.now() - started < SECONDS * 1000; tick += 1) {
      const items = Array.from({ length: perTick }, (_, i) => {
        const n = submitted + i;
        return {
          id: randomUUID(),
          submittedAt: new Date().toISOString(),
          name: `Medborgare ${n % 500}`,
          email: `person${n % 500}@example.se`,
          subject: 'Sophämtning',
          message: `Soporna hämtades inte på Storgatan ${n}.`,
        };
      });
      const { rows } = await pg.query<{ id: string }>(
        `INSERT INTO inbound_batches (id, "channelId", source, items, "itemCount")
         VALUES (gen_random_uuid(), $1::uuid, 'FORM', $2::json, $3) RETURNING id`,
        [channelIds[tick % TEAMS], JSON.stringify(items), items.length],
      );
      await ingest.add(
        'ingest-batch',
        { batchId: rows[0]!.id },
        { jobId: jobId.ingestBatch(rows[0]!.id), attempts: 5, removeOnComplete: true },
      );
      submitted += items.length;
      submittedTo[tick % TEAMS] += items.length;
      const wait = started + (tick + 1) * TICK_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else behind += 1;
    }
    const submitSeconds = (Date.now() - started) / 1000;
    await until(
      async () =>
        (await prisma.message.count({ where: { channelId: { in: channelIds } } })) >= submitted,
      120_000,
      'every message to be ingested',
    );
    const ingestSeconds = (Date.now() - started) / 1000;
    // Stream i is held by session i % SESSIONS, whose agent is in team (i % SESSIONS) % TEAMS.
    const streamsOf = teams.map(
      (_, team) =>
        Array.from({ length: STREAMS }, (_, i) => (i % SESSIONS) % TEAMS).filter((t) => t === team)
          .length,
    );
    const expected = submittedTo.reduce((sum, n, team) => sum + n * streamsOf[team]!, 0);
    await until(
      async () => {
        await readCommits();
        return arrivals.histogram.total >= expected;
      },
      30_000,
      'every event at every client',
    ).catch((error: Error) => console.log(error.message));
    polling = false;
    await poller;
    const apiCpu = cpuSeconds(api.pid!) - apiCpuBefore;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const apiPeak = peakRssMb(api.pid!);

    const pageLatencies: number[] = [];
    for (const page of pages) {
      const seen = await page.evaluate<[string, number][]>('window.arrivals');
      const { rows } = await pg.query<{ threadId: string; receivedAt: Date }>(
        `SELECT "threadId", "receivedAt" FROM messages WHERE "threadId" = ANY($1::uuid[])`,
        [seen.map(([threadId]) => threadId)],
      );
      const committed = new Map(rows.map((row) => [row.threadId, row.receivedAt.getTime()]));
      for (const [threadId, at] of seen) {
        const commit = committed.get(threadId);
        if (commit !== undefined) pageLatencies.push(at - commit);
      }
    }
    pageLatencies.sort((a, b) => a - b);

    const h = arrivals.histogram;
    report('Event streams', [
      {
        name: 'event streams (plain HTTP, session cookie)',
        value: STREAMS,
        unit: '',
        note: `${SESSIONS} agents in ${TEAMS} team(s), each seeing its team's messages`,
      },
      {
        name: 'messages submitted',
        value: submitted,
        unit: '',
        note: `${Math.round(submitted / submitSeconds)}/s offered, ${behind} ticks late`,
      },
      {
        name: 'ingest rate (submission start to last commit)',
        value: Math.round(submitted / ingestSeconds),
        unit: 'messages/s',
      },
      {
        name: 'events received (all clients)',
        value: h.total,
        unit: '',
        note: `of ${expected} expected`,
      },
      { name: 'commit → event p50', value: h.percentile(50), unit: 'ms' },
      { name: 'commit → event p95', value: h.percentile(95), unit: 'ms' },
      {
        name: 'commit → event p99',
        value: h.percentile(99),
        unit: 'ms',
        note: 'target under 1,000',
      },
      {
        name: 'Chromium pages: events, p99',
        value: percentile(pageLatencies, 99),
        unit: 'ms',
        note: `${pageLatencies.length} events on ${pages.length} pages, p50 ${percentile(pageLatencies, 50)} ms`,
      },
      { name: 'api peak RSS', value: Math.round(apiPeak), unit: 'MB', note: 'target under 300' },
      {
        name: 'api RSS before the streams opened',
        value: Math.round(idleRss),
        unit: 'MB',
        note: `peak until then ${Math.round(idlePeak)} MB`,
      },
      {
        name: 'api CPU',
        value: apiCpu,
        unit: 's',
        note: `over ${ingestSeconds.toFixed(0)} s`,
      },
      {
        name: 'this benchmark process CPU',
        value: Math.round((benchCpu.user + benchCpu.system) / 1e6),
        unit: 's',
        note: 'its clients parse every event too',
      },
    ]);
  } finally {
    for (const stream of streams) stream.destroy();
    await browser.close();
    await ingest.close();
    await pg.end();
    await prisma.$disconnect();
    await Promise.all([stopApp(api), stopApp(worker)]);
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
