import os from 'node:os';
import path from 'node:path';
import { TEST_PREFIX_ENV, TEST_REDIS_URL, TEST_STATE_ENV } from './test-database';

export const TEST_SECRETS_KEY = '0f'.repeat(32);

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const databaseUrl = process.env[TEST_STATE_ENV];
  if (!databaseUrl) throw new Error('No test database: run through the integration project');
  const prefix = process.env[TEST_PREFIX_ENV] ?? 'svara-test';
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    // Attachments' bytes of one test run, beside each other's.
    BLOB_DIR: path.join(os.tmpdir(), `${prefix}-blobs`),
    SECRETS_KEY: TEST_SECRETS_KEY,
    // The fake Graph API serves attachment files from this machine.
    ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOB_LOCK_SECONDS: '3',
    // Tests log in often from one address; the login throttle has its own test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // Several workers and schedulers run at once in one test run: each takes a free port.
    WORKER_METRICS_PORT: '0',
    SCHEDULER_METRICS_PORT: '0',
    ...overrides,
  };
}
