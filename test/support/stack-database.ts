import { Client } from 'pg';
import { createRunDatabaseCopy, quotedName, TEST_STATE_ENV } from './test-database';

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one browser-test stack, copied from the run's
 * migrated database (which nothing in the browser tests connects to), so one
 * file's teams, threads and exports never show up in another's pages.
 */
export async function stackDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const runUrl = process.env[TEST_STATE_ENV];
  if (!runUrl) throw new Error('No test database: run through the e2e project');
  const copy = createRunDatabaseCopy(runUrl);
  return { url: copy.url, drop: () => onServer(copy.adminUrl, copy.dropSql) };
}

/** The databases stacks of this run left behind (a test that crashed before closing its stack). */
export async function dropStackDatabases(client: Client, runName: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${runName.replace(/_/g, '\\_')}\\_%`],
  );
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS ${quotedName(datname)} WITH (FORCE)`);
  }
}
