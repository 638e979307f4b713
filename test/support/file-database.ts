import { randomBytes } from 'node:crypto';
import {
  createRunDatabaseCopy,
  RUN_DATABASE_ENV,
  RUN_PREFIX_ENV,
  TEST_PREFIX_ENV,
  TEST_STATE_ENV,
} from './test-database';

/**
 * Each integration test file gets a database of its own, copied from the run's
 * migrated one, and a Redis prefix of its own: no file ever counts another
 * file's rows or takes its jobs, whatever order (or worker) the files run in.
 * Runs before setup-env, which hands both to the apps under test.
 */
const runUrl = process.env[RUN_DATABASE_ENV];
const runPrefix = process.env[RUN_PREFIX_ENV];
if (!runUrl || !runPrefix) throw new Error('No test database: run through the jest projects');

const copy = createRunDatabaseCopy(runUrl);
process.env[TEST_STATE_ENV] = copy.url;
process.env[TEST_PREFIX_ENV] = `${runPrefix}-${randomBytes(3).toString('hex')}`;
