import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { RUN_DATABASE_ENV, RUN_PREFIX_ENV, TEST_PREFIX_ENV, TEST_STATE_ENV } from './test-database';

/**
 * Each integration test file gets a database of its own, copied from the run's
 * migrated one, and a Redis prefix of its own: no file ever counts another
 * file's rows or takes its jobs, whatever order (or worker) the files run in.
 * Runs before setup-env, which hands both to the apps under test.
 */
const runUrl = process.env[RUN_DATABASE_ENV];
const runPrefix = process.env[RUN_PREFIX_ENV];
if (!runUrl || !runPrefix) throw new Error('No test database: run through the jest projects');

const suffix = randomBytes(3).toString('hex');
const run = new URL(runUrl);
const runName = run.pathname.slice(1);
const name = `${runName}_${suffix}`;
const admin = new URL(run);
admin.pathname = '/postgres';

// Synchronous, as setup files are. A copy fails while another worker copies the
// same template at that moment ("being accessed by other users"): try again.
const sleeper = new Int32Array(new SharedArrayBuffer(4));
for (let attempt = 1; ; attempt++) {
  try {
    execFileSync(
      'psql',
      [
        admin.toString(),
        '-qX',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `CREATE DATABASE "${name}" TEMPLATE "${runName}"`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    break;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    if (attempt >= 50 || !stderr.includes('being accessed by other users')) throw error;
    Atomics.wait(sleeper, 0, 0, 100 + Math.floor(Math.random() * 200));
  }
}

const own = new URL(run);
own.pathname = `/${name}`;
process.env[TEST_STATE_ENV] = own.toString();
process.env[TEST_PREFIX_ENV] = `${runPrefix}-${suffix}`;
