import { randomBytes } from 'node:crypto';

/** The throw-away database and Redis of this test run. */
export const TEST_STATE_ENV = 'SVARA_TEST_DATABASE_URL';

export function newTestDatabaseUrl(): string {
  const base = new URL(
    process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  base.pathname = `/svara_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return base.toString();
}

/** Redis database 15 by default, emptied at the start of each run. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
