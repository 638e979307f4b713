// Benchmark: poll and ingest 100,000 Messenger messages in 1,000 conversations
// from the fake Graph API, end to end (Graph requests, inbound batches, the
// ingest queue, Postgres), and print messages per second. The fake runs in its
// own process, as Meta's API would be elsewhere; the worker runs in this one.
//
//   npm run bench:meta
//
// Uses a database of its own (created, then dropped) on BENCH_POSTGRES_URL
// (default postgresql://postgres@127.0.0.1:5432) and a Redis key prefix of its
// own in BENCH_REDIS_URL (default redis://127.0.0.1:6379/14).
// BENCH_CONVERSATIONS and BENCH_MESSAGES_PER_CONVERSATION change the size.
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ChannelPolls } from '@svara/channels';
import { loadConfig } from '@svara/config';
import { migrateDatabase, PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import { workerModule } from '../apps/worker/src/worker.module';

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
const TIMEOUT_MS = 15 * 60_000;

async function withAdmin<T>(base: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts the fake Graph API (test/support/fake-graph) with the benchmark's Page. */
function startFakeGraph(): Promise<FakeGraph> {
  const child = fork(path.resolve(__dirname, '../test/support/fake-graph/main.js'), [], {
    env: {
      ...process.env,
      PORT: '0',
      FAKE_GRAPH_MESSENGER: `${CONVERSATIONS}x${PER_CONVERSATION}`,
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

async function main(): Promise<void> {
  const databaseUrl = new URL(
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432',
  );
  const databaseName = `svara_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  databaseUrl.pathname = `/${databaseName}`;
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

  const fake = await startFakeGraph();
  const seeded = fake.messages;

  await migrateDatabase(databaseUrl.toString());

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `svara-bench-${process.pid}`,
    SECRETS_KEY: randomBytes(32).toString('hex'),
    META_GRAPH_URL: fake.url,
    META_GRAPH_VERSION: fake.version,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const worker = await NestFactory.createApplicationContext(workerModule(config), {
    logger: ['error', 'warn'],
  });
  await worker.init();
  const prisma = worker.get(PrismaService);

  try {
    const channel = await prisma.channel.create({
      data: {
        type: 'FACEBOOK_PAGE',
        name: 'Benchmark',
        backfillSince: new Date(Date.now() - 30 * 24 * 3600_000),
        config: { pageId: fake.pageId },
        secretsEncrypted: worker.get(SecretBox).seal({ pageAccessToken: fake.token }),
      },
    });
    console.log(
      `Polling ${seeded.toLocaleString('en')} Messenger messages in ${CONVERSATIONS.toLocaleString('en')} conversations…`,
    );
    const started = process.hrtime.bigint();
    await worker.get(ChannelPolls).request(channel.id);
    const deadline = Date.now() + TIMEOUT_MS;
    let stored = 0;
    let polledAt: bigint | undefined;
    for (;;) {
      stored = await prisma.message.count({ where: { channelId: channel.id } });
      if (!polledAt) {
        const { cursor } = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
        if (cursor && !(cursor as { pass?: unknown }).pass) polledAt = process.hrtime.bigint();
      }
      if (stored >= seeded) break;
      if (Date.now() > deadline)
        throw new Error(`Timed out with ${stored} of ${seeded} messages stored`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const threads = await prisma.thread.aggregate({
      where: { channelId: channel.id },
      _count: true,
      _sum: { messageCount: true },
    });
    const outbound = await prisma.message.count({
      where: { channelId: channel.id, direction: 'OUTBOUND' },
    });
    const batches = await prisma.inboundBatch.count({ where: { channelId: channel.id } });
    const graphRequests = await requestsServed(fake);
    if (threads._count !== CONVERSATIONS || threads._sum.messageCount !== seeded) {
      throw new Error(`Stored ${threads._count} threads / ${threads._sum.messageCount} messages`);
    }
    console.log(
      `  stored             ${stored.toLocaleString('en')} messages (${outbound.toLocaleString('en')} of them the Page's own), ${threads._count} threads`,
    );
    console.log(
      `  Graph requests     ${graphRequests.toLocaleString('en')} in ${batches} inbound batches`,
    );
    if (polledAt)
      console.log(`  polling done after ${(Number(polledAt - started) / 1e9).toFixed(1)} s`);
    console.log(`  end to end         ${seconds.toFixed(1)} s`);
    console.log(
      `  throughput         ${Math.round(stored / seconds).toLocaleString('en')} messages/s`,
    );
  } finally {
    await worker.close();
    fake.process.kill('SIGTERM');
    await withAdmin(databaseUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`),
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
