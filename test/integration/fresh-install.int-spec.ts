import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { startApi } from '@svara/testing';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../dist/libs/database/src/migrations/cli.js');

// `npm run db:migrate` on a machine that has never seen Svara, then the API's first start.
describe('a fresh installation', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_fresh`;
  const databaseUrl = url.toString();

  const migrate = (command: string) =>
    run(process.execPath, [CLI, command], { env: { ...process.env, DATABASE_URL: databaseUrl } });

  afterAll(async () => {
    const admin = new URL(databaseUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  });

  it('creates the database and applies every migration once, recorded as Prisma does', async () => {
    const first = await migrate('deploy');
    expect(first.stdout).toMatch(/^Applied: \d{14}_init/);
    const second = await migrate('deploy');
    expect(second.stdout.trim()).toBe('Database is up to date.');

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations',
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: { finished: boolean }) => row.finished)).toBe(true);
  });

  it('has migrations that match prisma/schema.prisma', async () => {
    const { stdout } = await migrate('check');
    expect(stdout.trim()).toBe('Migrations match prisma/schema.prisma.');
  });

  it('creates the configured admin on first start, and only once across replicas', async () => {
    const env = {
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: 'Admin@Kommun.se',
      ADMIN_PASSWORD: 'first admin password',
    };
    const [one, two] = await Promise.all([startApi(env), startApi(env)]);
    try {
      expect(await one.prisma.user.count()).toBe(1);
      await request(one.server)
        .post('/api/v1/auth/login')
        .send({ email: 'admin@kommun.se', password: 'first admin password' })
        .expect(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
