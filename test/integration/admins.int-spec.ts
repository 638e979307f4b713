import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { type RunningApi, createUser, login, startApi } from '@svara/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const MIGRATE = path.join(ROOT, 'dist/libs/database/src/migrations/cli.js');
const ADMIN_CREATE = path.join(ROOT, 'dist/libs/auth/src/admin-create/cli.js');

// On a database of its own: these tests count every active admin there is.
describe('keeping an active admin', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_admins`;
  const databaseUrl = url.toString();
  let api: RunningApi;

  const activeAdmins = () => api.prisma.user.count({ where: { role: 'ADMIN', active: true } });
  const patch = (auth: string, id: string, body: object) =>
    request(api.server).patch(`/api/v1/users/${id}`).set('authorization', auth).send(body);
  const adminCreate = (args: string[], password?: string) =>
    run(process.execPath, [ADMIN_CREATE, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SECRETS_KEY: '0f'.repeat(32),
        NODE_ENV: 'test',
        ...(password === undefined ? {} : { ADMIN_PASSWORD: password }),
      },
    }).then(
      (done) => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    await run(process.execPath, [MIGRATE, 'deploy'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    api = await startApi({ DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    await api?.close();
    const admin = new URL(databaseUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  });

  it('lets only one of two admins demoting or deactivating each other at once succeed', async () => {
    let survivor = await createUser(api.prisma, { role: 'ADMIN' });
    const changes = [{ role: 'AGENT' }, { active: false }, { role: 'LEAD' }, { active: false }];
    for (const change of changes) {
      const other = await createUser(api.prisma, { role: 'ADMIN' });
      expect(await activeAdmins()).toBe(2);
      const [one, two] = [await login(api, survivor.email), await login(api, other.email)];
      const answers = await Promise.all([
        patch(one, other.id, change),
        patch(two, survivor.id, change),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.message).toBe(
        'Svara needs at least one active admin',
      );
      expect(await activeAdmins()).toBe(1);
      survivor = await api.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN', active: true } });
    }
  });

  it('brings an admin back with npm run admin:create, password from ADMIN_PASSWORD only', async () => {
    const admin = await api.prisma.user.findFirstOrThrow({
      where: { role: 'ADMIN', active: true },
    });
    await api.prisma.user.update({
      where: { id: admin.id },
      data: { active: false, failedLoginCount: 5, lockedUntil: new Date(Date.now() + 600_000) },
    });
    expect(await activeAdmins()).toBe(0);

    const inArgv = await adminCreate(['--email', admin.email, '--name', 'Åter', '--password', 'x']);
    expect(inArgv.code).toBe(64);
    expect(inArgv.stderr).toContain('never given on the command line');
    const noPassword = await adminCreate(['--email', admin.email, '--name', 'Åter']);
    expect(noPassword.code).toBe(64);
    expect(noPassword.stderr).toContain('set ADMIN_PASSWORD');
    const weak = await adminCreate(['--email', admin.email, '--name', 'Åter'], ' '.repeat(12));
    expect(weak.code).toBe(65);
    expect(weak.stderr).toContain('ADMIN_PASSWORD must not be blank');
    expect(await activeAdmins()).toBe(0);

    const back = await adminCreate(
      ['--email', admin.email.toUpperCase(), '--name', 'Åter Admin'],
      'tillbaka efter semestern',
    );
    expect(back).toEqual(expect.objectContaining({ code: 0 }));
    expect(back.stdout).toContain('is an active admin again');
    const token = await login(api, admin.email, 'tillbaka efter semestern');
    const me = await request(api.server).get('/api/v1/auth/me').set('authorization', token);
    expect(me.body).toEqual(
      expect.objectContaining({ id: admin.id, role: 'ADMIN', name: 'Åter Admin' }),
    );

    const created = await adminCreate(
      ['--email', 'Ny.Admin@Kommun.se', '--name', 'Ny Admin'],
      'en helt ny administratör',
    );
    expect(created.stdout).toContain('Created the admin ny.admin@kommun.se');
    await login(api, 'ny.admin@kommun.se', 'en helt ny administratör');
    expect(await activeAdmins()).toBe(2);
    const audit = await api.prisma.auditLog.findMany({
      where: { entityType: 'user', actorId: null },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => entry.action)).toEqual(['user.updated', 'user.created']);
  });
});
