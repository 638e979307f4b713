import { TEST_PREFIX_ENV, TEST_REDIS_URL, TEST_STATE_ENV } from './test-database';

export const TEST_SECRETS_KEY = '0f'.repeat(32);

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const databaseUrl = process.env[TEST_STATE_ENV];
  if (!databaseUrl) throw new Error('No test database: run through the integration project');
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: process.env[TEST_PREFIX_ENV] ?? 'svara-test',
    SECRETS_KEY: TEST_SECRETS_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOB_LOCK_SECONDS: '3',
    // Tests log in often from one address; the login throttle has its own test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...overrides,
  };
}
