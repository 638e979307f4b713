// Latency of the inbox API on the database bench/seed-inbox.ts fills
// (1,000,000 threads, 5,000,000 messages): p50 and p95 per request kind,
// through HTTP on the real API.
//
//   npm run bench:inbox           (BENCH_DATABASE_URL, REDIS_URL)

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@svara/config';
import { configureApp } from '@svara/http';
import { apiModule } from '../apps/api/src/api.module';
import { BENCH_ADMIN, BENCH_AGENT, BENCH_DATABASE_URL, LONG_THREAD_ID } from './bench-env';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: BENCH_DATABASE_URL,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    logger: false,
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const base = `${await app.getUrl()}/api/v1`.replace('[::1]', '127.0.0.1');

  const login = async (account: { email: string; password: string }) => {
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (!response.ok)
      throw new Error(`login failed (${response.status}): run bench:seed-inbox first`);
    return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
  };
  const [admin, agent] = [await login(BENCH_ADMIN), await login(BENCH_AGENT)];

  const cases: [string, string, string][] = [
    ['default inbox page (admin, 25 threads)', '/threads', admin],
    ['default inbox page (agent, own teams)', '/threads', agent],
    [
      'filtered page (open, e-mail, SLA warning)',
      '/threads?status=OPEN&channelType=EMAIL&sla=warning',
      admin,
    ],
    ['next page by cursor', '', admin],
    ['search "sophämtning"', `/threads?q=${encodeURIComponent('sophämtning')}`, admin],
    [
      'search two words "grovsopor storgatan"',
      `/threads?q=${encodeURIComponent('grovsopor storgatan')}`,
      admin,
    ],
    [
      'search rare "ärende 12345" (111 messages)',
      `/threads?q=${encodeURIComponent('ärende 12345')}`,
      admin,
    ],
    ['thread with 200 messages', `/threads/${LONG_THREAD_ID}`, admin],
  ];
  const first = (await (
    await fetch(`${base}/threads`, { headers: { authorization: admin } })
  ).json()) as {
    nextCursor: string;
  };
  cases[3]![1] = `/threads?cursor=${first.nextCursor}`;

  console.log(`${RUNS} requests each after ${WARMUP} warm-up requests; milliseconds`);
  console.log('request'.padEnd(46), 'p50'.padStart(8), 'p95'.padStart(8), ' results');
  for (const [label, path, auth] of cases) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { authorization: auth } });
      const body = (await response.json()) as { data?: unknown[]; messages?: unknown[] };
      if (!response.ok)
        throw new Error(`${label}: HTTP ${response.status} ${JSON.stringify(body)}`);
      if (i >= WARMUP) times.push(performance.now() - started);
      count = (body.data ?? body.messages ?? []).length;
    }
    times.sort((a, b) => a - b);
    console.log(
      label.padEnd(46),
      percentile(times, 50).toFixed(1).padStart(8),
      percentile(times, 95).toFixed(1).padStart(8),
      ` ${count}`,
    );
  }
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
