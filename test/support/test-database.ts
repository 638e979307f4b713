import { execFileSync } from 'node:child_process';
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

export const quotedName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates a database copied from the run's migrated one, for a test file or a
 * browser-test stack: named after the run's, so the run's teardown drops any
 * copy left behind. Synchronous (psql), as jest setup files must be. A copy
 * fails while another worker copies the same template at that moment ("being
 * accessed by other users"): it is tried again.
 */
export function createRunDatabaseCopy(runUrl: string): {
  url: string;
  /** The server's `postgres` database, where dropSql is run. */
  adminUrl: string;
  dropSql: string;
} {
  const run = new URL(runUrl);
  const runName = run.pathname.slice(1);
  const name = `${runName}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(run);
  admin.pathname = '/postgres';
  const create = `CREATE DATABASE ${quotedName(name)} TEMPLATE ${quotedName(runName)}`;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('psql', [admin.toString(), '-qX', '-v', 'ON_ERROR_STOP=1', '-c', create], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      break;
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      if (attempt >= 50 || !stderr.includes('being accessed by other users')) throw error;
      Atomics.wait(sleeper, 0, 0, 100 + Math.floor(Math.random() * 200));
    }
  }
  const url = new URL(run);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    adminUrl: admin.toString(),
    dropSql: `DROP DATABASE IF EXISTS ${quotedName(name)} WITH (FORCE)`,
  };
}

export const newTestRedisPrefix = () => `svara-test-${randomBytes(4).toString('hex')}`;

/** Redis database 15 by default; each run keeps to its own key prefix inside it. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
