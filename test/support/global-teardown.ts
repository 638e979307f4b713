import { Client } from 'pg';
import { TEST_STATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[TEST_STATE_ENV];
  if (!url) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
