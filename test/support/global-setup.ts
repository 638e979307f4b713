import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  newTestDatabaseUrl,
  newTestRedisPrefix,
  RUN_DATABASE_ENV,
  RUN_PREFIX_ENV,
  TEST_PREFIX_ENV,
  TEST_STATE_ENV,
} from './test-database';
import { testEnv } from './test-env';

const MIGRATE_CLI = path.resolve(__dirname, '../../dist/libs/database/src/migrations/cli.js');

/**
 * Once per run: a fresh database with every migration applied by the real
 * migrate command (`npm run db:migrate`), and a Redis key prefix of its own.
 * Test files work on copies of it (file-database.ts) and browser-test stacks
 * on theirs (stack-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(MIGRATE_CLI)) throw new Error('Integration tests need `npm run build` first');
  process.env[TEST_STATE_ENV] = newTestDatabaseUrl();
  process.env[TEST_PREFIX_ENV] = newTestRedisPrefix();
  process.env[RUN_DATABASE_ENV] = process.env[TEST_STATE_ENV];
  process.env[RUN_PREFIX_ENV] = process.env[TEST_PREFIX_ENV];
  execFileSync(process.execPath, [MIGRATE_CLI, 'deploy'], {
    env: { ...process.env, ...testEnv() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
