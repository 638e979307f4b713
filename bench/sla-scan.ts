// npm run bench:sla — how long one scheduler tick takes to find and queue every
// escalation among 1,000,000 threads of which 1% are overdue, how long the
// worker takes to mail that backlog, and the time from a deadline to the
// e-mail being accepted by SMTP while the scheduler ticks every second.
//
// The tick is timed BENCH_TICKS times (default 3) on the same backlog, put
// back between runs, in a process whose connections are open, as in a
// scheduler that has been running; the median is the figure.
//
// Uses its own throw-away database (BENCH_POSTGRES_URL's server) and the
// "escalation" queue of BENCH_REDIS_URL (default REDIS_URL), which it empties.
import 'reflect-metadata';
import { Client } from 'pg';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@svara/config';
import { migrateDatabase, PrismaService } from '@svara/database';
import { SlaScan } from '@svara/escalation';
import { JobQueues } from '@svara/pipeline';
import { schedulerModule } from '../apps/scheduler/src/scheduler.module';
import { workerModule } from '../apps/worker/src/worker.module';

const THREADS = Number(process.env.BENCH_THREADS ?? 1_000_000);
const OVERDUE_SHARE = 0.01;
const TICKS = Number(process.env.BENCH_TICKS ?? 3);
const LATENCY_THREADS = 300;
const LATENCY_SPACING_MS = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Nearest-rank percentile. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function smtpReceiver(onMail: (receivedAt: number, raw: string) => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        onMail(Date.now(), Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` };
}

async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** ISO 8601 in UTC with milliseconds, as the SLA code writes instants into JSON. */
const ISO_FUNCTION = `CREATE FUNCTION pg_temp.iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql
  AS $$ SELECT pg_catalog.to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`;

async function seed(url: string, now: Date) {
  const db = new Client({ connectionString: url });
  db.on('error', () => undefined);
  await db.connect();
  await db.query(ISO_FUNCTION);
  const started = Date.now();
  const {
    rows: [policy],
  } = await db.query<{ id: string }>(`
    WITH calendar AS (
      INSERT INTO business_calendars (id, name, "timeZone", "weeklyHours", "updatedAt")
      VALUES (gen_random_uuid(), 'Bench', 'Europe/Stockholm',
        '[{"weekday":1,"open":"00:00","close":"24:00"},{"weekday":2,"open":"00:00","close":"24:00"},
          {"weekday":3,"open":"00:00","close":"24:00"},{"weekday":4,"open":"00:00","close":"24:00"},
          {"weekday":5,"open":"00:00","close":"24:00"},{"weekday":6,"open":"00:00","close":"24:00"},
          {"weekday":7,"open":"00:00","close":"24:00"}]', now())
      RETURNING id)
    INSERT INTO sla_policies (id, name, "calendarId", "firstResponse", "escalationLevels", "updatedAt")
    SELECT gen_random_uuid(), 'Bench', id, '{"minutes":60}',
      '[{"level":1,"on":"BREACH","recipients":{"addresses":["lead@kommun.test"]}}]', now()
    FROM calendar RETURNING id`);
  const {
    rows: [channel],
  } = await db.query<{ id: string }>(
    `INSERT INTO channels (id, type, name, "slaPolicyId", "backfillSince", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), 'WEB_FORM', 'Bench', $1, $2, $2, now()) RETURNING id`,
    [policy!.id, new Date(now.getTime() - 7 * 86_400_000)],
  );
  // Overdue threads (the first 1%) were due up to an hour ago; the rest are due
  // within the coming week. Each has a running first-response clock.
  const overdue = Math.round(THREADS * OVERDUE_SHARE);
  await db.query(
    `INSERT INTO threads (id, "channelId", "externalId", "slaPolicyId", "lastMessageAt",
       "firstResponseDueAt", "nextSlaCheckAt", "nextEscalationAt", "slaState", "slaClocks", "slaDeadlines",
       "slaStartedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, 'bench-' || i, $2, due - interval '60 minutes',
       due, due, due, 'OK', jsonb_build_object('answered', false, 'clocks', jsonb_build_object(
         'firstResponse', jsonb_build_object('startedAt', pg_temp.iso(due - interval '60 minutes'), 'pauses', '[]'::jsonb),
         'resolution', jsonb_build_object('startedAt', pg_temp.iso(due - interval '60 minutes'), 'pauses', '[]'::jsonb))),
       jsonb_build_array(jsonb_build_object('target', 'firstResponse',
         'startedAt', pg_temp.iso(due - interval '60 minutes'), 'dueAt', pg_temp.iso(due))),
       due - interval '60 minutes', now()
     FROM (
       SELECT i, CASE WHEN i <= $4
         THEN date_trunc('milliseconds', $3::timestamptz - random() * interval '60 minutes')
         ELSE date_trunc('milliseconds', $3::timestamptz + interval '1 hour' + random() * interval '7 days')
         END AS due
       FROM generate_series(1, $5::int) AS i) s`,
    [channel!.id, policy!.id, now, overdue, THREADS],
  );
  // As autovacuum leaves a table after a bulk load; otherwise the first scan
  // pays for setting hint bits on every page it reads.
  await db.query('VACUUM ANALYZE threads');
  await db.end();
  return { channelId: channel!.id, policyId: policy!.id, overdue, seededMs: Date.now() - started };
}

/** Puts the overdue threads back as they were seeded, with nothing queued yet. */
async function putBacklogBack(url: string, now: Date, queue: Queue) {
  await queue.obliterate({ force: true });
  const db = new Client({ connectionString: url });
  await db.connect();
  await db.query(
    `UPDATE threads SET "nextEscalationAt" = "firstResponseDueAt", "slaState" = 'OK', "escalationLevel" = 0
     WHERE "firstResponseDueAt" <= $1`,
    [now],
  );
  await db.query('VACUUM ANALYZE threads');
  await db.end();
}

async function main() {
  const base = new URL(
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const admin = new Client({ connectionString: base.toString() });
  const dbName = `svara_bench_${Date.now().toString(36)}`;
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  let mails = 0;
  const received: { at: number; raw: string }[] = [];
  const smtp = await smtpReceiver((at, raw) => {
    mails += 1;
    if (received.length < LATENCY_THREADS * 2) received.push({ at, raw });
  });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `svara-bench-${process.pid}`,
    SMTP_URL: smtp.url,
    SLA_SCAN_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'warn',
  });
  const prisma = new PrismaService(config);
  const queues = new JobQueues(config);
  try {
    await migrateDatabase(url.toString());

    const now = new Date();
    const seeded = await seed(url.toString(), now);
    console.log(
      `seeded ${THREADS.toLocaleString('en')} threads (${seeded.overdue} overdue) in ${seconds(seeded.seededMs)}`,
    );

    // Open the connections a running scheduler has open, then time the tick.
    const scan = new SlaScan(prisma, queues);
    const escalationQueue = queues.queue('escalation');
    await escalationQueue.waitUntilReady();
    await scan.scan(new Date(now.getTime() - 86_400_000));
    const ticks: number[] = [];
    for (let run = 1; run <= TICKS; run += 1) {
      if (run > 1) await putBacklogBack(url.toString(), now, escalationQueue);
      const tickStarted = performance.now();
      const result = await scan.scan(now);
      ticks.push(performance.now() - tickStarted);
      console.log(
        `tick ${run}: found ${result.threads} due threads and queued ${result.escalations} escalations in ${seconds(ticks.at(-1)!)}`,
      );
    }
    console.log(
      `one scheduler tick (median of ${TICKS}): ${seconds(percentile(ticks, 50))}, fastest ${seconds(Math.min(...ticks))}, slowest ${seconds(Math.max(...ticks))}`,
    );
    const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id FROM threads WHERE "nextEscalationAt" <= now() ORDER BY "nextEscalationAt", id LIMIT 2500`,
    );
    console.log(`scan plan: ${plan.map((row) => row['QUERY PLAN'].trim()).join(' | ')}`);
    const handOvers = (await escalationQueue.getJobs(['waiting']))
      .filter((job) => job.name === 'queue-escalations')
      .map((job) => job.id!);

    // The worker mails the backlog.
    const backlogStarted = performance.now();
    const worker = await NestFactory.createApplicationContext(workerModule(config), {
      logger: ['error'],
    });
    await worker.init();
    await until(
      async () =>
        (await Promise.all(handOvers.map((id) => escalationQueue.getJobState(id)))).every(
          (state) => state === 'completed',
        ),
      60_000,
      'the hand-over jobs to be done',
    );
    console.log(
      `worker queued the ${seeded.overdue} notify-escalation jobs from ${handOvers.length} hand-over jobs in ${seconds(performance.now() - backlogStarted)}`,
    );
    await until(async () => mails >= seeded.overdue, 30 * 60_000, 'the backlog to be mailed');
    console.log(
      `worker mailed the ${seeded.overdue} overdue escalations in ${seconds(performance.now() - backlogStarted)}`,
    );

    // Deadlines that pass while the scheduler ticks every second.
    received.length = 0;
    const base = Date.now() + 3000;
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    await db.query(ISO_FUNCTION);
    const { rows } = await db.query<{ id: string; due: Date }>(
      `UPDATE threads SET "nextEscalationAt" = d.due, "firstResponseDueAt" = d.due,
         "slaDeadlines" = jsonb_build_array(jsonb_build_object('target', 'firstResponse',
           'startedAt', pg_temp.iso(d.due - interval '60 minutes'), 'dueAt', pg_temp.iso(d.due)))
       FROM (SELECT id, $1::timestamptz + (row_number() OVER (ORDER BY id)) * $3::interval AS due
             FROM threads WHERE "externalId" > 'bench-5' ORDER BY id LIMIT $2) d
       WHERE threads.id = d.id RETURNING threads.id, d.due`,
      [new Date(base), LATENCY_THREADS, `${LATENCY_SPACING_MS} milliseconds`],
    );
    await db.end();
    const dueOf = new Map(rows.map((row) => [row.id, row.due.getTime()]));
    const scheduler = await NestFactory.createApplicationContext(schedulerModule(config), {
      logger: ['error'],
    });
    await scheduler.init();
    await until(
      async () => received.length >= LATENCY_THREADS,
      120_000,
      'the deadlines to be mailed',
    );
    const latencies = received.map(({ at, raw }) => {
      const id = /threads\/([0-9a-f-]{36})/.exec(raw.replace(/=\r?\n/g, ''))?.[1];
      return at - dueOf.get(id!)!;
    });
    console.log(
      `due → e-mail accepted by SMTP (${latencies.length} deadlines ${LATENCY_SPACING_MS} ms apart, scan every 1 s): p50 ${seconds(percentile(latencies, 50))}, p95 ${seconds(percentile(latencies, 95))}, p99 ${seconds(percentile(latencies, 99))}, max ${seconds(Math.max(...latencies))} (target p99 < 3.00 s)`,
    );
    await scheduler.close();
    await worker.close();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await queues.onApplicationShutdown();
    await prisma.onApplicationShutdown();
    smtp.server.close();
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
