import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { type AppConfig, loadConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { configureApp } from '@svara/http';
import { bullConnection, bullPrefix, type QueueName } from '@svara/pipeline';
import { apiModule } from '../../apps/api/src/api.module';
import { schedulerModule } from '../../apps/scheduler/src/scheduler.module';
import { workerModule } from '../../apps/worker/src/worker.module';
import { eventually } from './eventually';
import { testEnv } from './test-env';

export interface RunningApi {
  app: NestExpressApplication;
  server: NestExpressApplication['getHttpServer'] extends () => infer S ? S : never;
  prisma: PrismaService;
  close(): Promise<void>;
}

/** The real API, configured exactly as main.ts does, on a free port. */
export async function startApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const config = loadConfig(testEnv(overrides));
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    rawBody: true,
    bufferLogs: true,
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    server: app.getHttpServer(),
    prisma: app.get(PrismaService),
    close: () => app.close(),
  };
}

/** The worker, in this process. */
export function startWorker(overrides: Record<string, string> = {}) {
  return startContext(workerModule, overrides);
}

/** The scheduler, in this process. */
export function startScheduler(overrides: Record<string, string> = {}) {
  return startContext(schedulerModule, overrides);
}

async function startContext(
  module: (config: AppConfig) => Type,
  overrides: Record<string, string>,
): Promise<INestApplicationContext> {
  const config = loadConfig(testEnv(overrides));
  const app = await NestFactory.createApplicationContext(module(config), { bufferLogs: true });
  await app.init();
  return app;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * A built app (`npm run build`) as its own OS process, as in production.
 * With `captureOutput`, its stdout and stderr (the logs) are piped for the test to read.
 */
export function spawnApp(
  name: 'api' | 'worker' | 'scheduler',
  overrides: Record<string, string> = {},
  { captureOutput = false } = {},
): ChildProcess {
  const entry = path.join(ROOT, 'dist/apps', name, 'src/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  return spawn(process.execPath, [entry], {
    env: { ...process.env, ...testEnv(overrides) },
    stdio: ['ignore', captureOutput ? 'pipe' : 'ignore', captureOutput ? 'pipe' : 'inherit'],
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * A handle on one of the run's queues, as the apps see it (same Redis, same
 * prefix); a browser-test stack's queues with that stack's `env`.
 */
export function testQueue(name: QueueName, overrides: Record<string, string> = {}): Queue {
  const config = loadConfig(testEnv(overrides));
  return new Queue(name, { connection: bullConnection(config), prefix: bullPrefix(config) });
}

/**
 * Waits until every batch accepted so far is ingested or parked and the ingest
 * queue is idle. Earlier test files in the run leave batches behind that a
 * newly started worker (and the scheduler's recovery sweep) pick up; a test that
 * counts what the worker ingests waits for those first.
 */
export async function ingestSettled(prisma: PrismaService, timeoutMs = 60_000): Promise<void> {
  const queue = testQueue('ingest');
  try {
    await eventually(
      async () => {
        const pending = await prisma.inboundBatch.count({ where: { status: 'PENDING' } });
        const jobs = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const busy = Object.values(jobs).some((count) => count > 0);
        return pending === 0 && !busy ? true : undefined;
      },
      { timeoutMs, intervalMs: 200, what: 'earlier batches to be ingested' },
    );
  } finally {
    await queue.close();
  }
}
