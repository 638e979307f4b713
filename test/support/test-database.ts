import { randomBytes } from 'node:crypto';

/** The throw-away database and Redis namespace of this test run, set by global-setup. */
export const TEST_STATE_ENV = 'SVARA_TEST_DATABASE_URL';
export const TEST_PREFIX_ENV = 'SVARA_TEST_REDIS_PREFIX';
/** The run's own values, never changed by a test file (see file-database.ts). */
export const RUN_DATABASE_ENV = 'SVARA_TEST_RUN_DATABASE_URL';
export const RUN_PREFIX_ENV = 'SVARA_TEST_RUN_REDIS_PREFIX';

export function newTestDatabaseUrl(): string {
  const base = new URL(
    process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  base.pathname = `/svara_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return base.toString();
}

export const newTestRedisPrefix = () => `svara-test-${randomBytes(4).toString('hex')}`;

/** Redis database 15 by default; each run keeps to its own key prefix inside it. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
