import { Client } from 'pg';
import Redis from 'ioredis';
import { dropStackDatabases } from './stack-database';
import { TEST_PREFIX_ENV, TEST_REDIS_URL, TEST_STATE_ENV } from './test-database';

/** The run's keys, and those of its browser-test stacks (`<prefix>-stack-…`). */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
  }
  await redis.quit();
}

export default async function globalTeardown(): Promise<void> {
  const prefix = process.env[TEST_PREFIX_ENV];
  if (prefix) await dropRedisKeys(prefix);
  const url = process.env[TEST_STATE_ENV];
  if (!url) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await dropStackDatabases(client, name);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
