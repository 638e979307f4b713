import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_STATE_ENV } from './test-database';

function adminUrl(url: URL): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A database of its own for one browser-test stack, copied from the run's
 * migrated database (which nothing in the browser tests connects to), so one
 * file's teams, threads and exports never show up in another's pages. Named
 * after the run's, so the run's teardown finds any left behind.
 */
export async function stackDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const runUrl = process.env[TEST_STATE_ENV];
  if (!runUrl) throw new Error('No test database: run through the e2e project');
  const run = new URL(runUrl);
  const runName = run.pathname.slice(1);
  const name = `${runName}_${randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl(run) });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(runName)}`);
  } finally {
    await client.end();
  }
  const url = new URL(run);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new Client({ connectionString: adminUrl(run) });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The databases stacks of this run left behind (a test that crashed before closing its stack). */
export async function dropStackDatabases(client: Client, runName: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${runName.replace(/_/g, '\\_')}\\_%`],
  );
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  }
}
