import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { loadConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import { createUser, eventually, exited, spawnApp, testEnv } from '@svara/testing';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// Each of these is typed in, stored or sent somewhere during the test; none may come back out.
const SECRETS = {
  adminPassword: 'Admin-lösenord-7f3a9c',
  wrongPassword: 'Fel-lösenord-2b8e41',
  newUserPassword: 'Ny-användare-5d1c7e',
  changedPassword: 'Bytt-lösenord-9a4f02',
  formSecret: 'form-hemlighet-6e2d88',
  imapPassword: 'imap-lösenord-3c7b15',
  newImapPassword: 'imap-nytt-8f1e64',
};

describe('secrets never leave Svara', () => {
  let prisma: PrismaService;
  let api: ChildProcess;
  let base: string;
  let output = '';
  const responses: string[] = [];

  beforeAll(async () => {
    const config = loadConfig(testEnv());
    prisma = new PrismaService(config);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawnApp('api', { PORT: String(port), LOG_LEVEL: 'trace' }, { captureOutput: true });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await eventually(
      async () =>
        (await request(base)
          .get('/api/v1/health')
          .then((r) => r.status === 200)
          .catch(() => false)) || undefined,
      { timeoutMs: 30_000, what: 'the API to start' },
    );
  });

  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exited(api);
    }
    await prisma?.onApplicationShutdown();
  });

  const record = (response: request.Response) => {
    responses.push(JSON.stringify(response.headers) + response.text);
    return response;
  };

  it('keeps passwords and channel secrets out of every response, log line and database column', async () => {
    const admin = await createUser(prisma, { role: 'ADMIN', password: SECRETS.adminPassword });
    const email = `other.${Date.now()}@kommun.se`;
    record(
      await request(base)
        .post('/api/v1/auth/login')
        .send({ email: admin.email, password: SECRETS.wrongPassword })
        .expect(401),
    );
    const loggedIn = record(
      await request(base)
        .post('/api/v1/auth/login')
        .send({ email: admin.email, password: SECRETS.adminPassword })
        .expect(200),
    );
    const token = loggedIn.body.accessToken as string;
    const auth = `Bearer ${token}`;
    const call = (method: 'get' | 'post' | 'patch', path: string, body?: object) =>
      request(base)[method](`/api/v1${path}`).set('authorization', auth).send(body);

    const user = record(
      await call('post', '/users', {
        email,
        name: 'Other',
        role: 'AGENT',
        password: SECRETS.newUserPassword,
      }).expect(201),
    );
    record(
      await call('patch', `/users/${user.body.id}`, { password: SECRETS.changedPassword }).expect(
        200,
      ),
    );
    record(
      await call('post', '/channels', {
        type: 'WEB_FORM',
        name: 'Kontakt',
        secrets: { token: SECRETS.formSecret },
      }).expect(400),
    );

    // A channel with secrets, stored as the API stores them (sealed with SECRETS_KEY).
    const box = new SecretBox(loadConfig(testEnv()));
    const channel = await prisma.channel.create({
      data: {
        type: 'EMAIL',
        name: 'Registrator',
        backfillSince: new Date(),
        config: { address: 'registrator@kommun.se' },
        secretsEncrypted: box.seal({ imapUser: 'registrator', imapPassword: SECRETS.imapPassword }),
      },
    });
    const listed = record(await call('get', '/channels').expect(200));
    expect(listed.body).toContainEqual(
      expect.objectContaining({ id: channel.id, hasSecrets: true }),
    );
    record(await call('get', `/channels/${channel.id}`).expect(200));
    record(
      await call('patch', `/channels/${channel.id}`, { name: 'Registrator (e-post)' }).expect(200),
    );
    record(
      await call('patch', `/channels/${channel.id}`, {
        secrets: { imapPassword: SECRETS.newImapPassword },
      }),
    );
    record(await call('post', `/channels/${channel.id}/test`).expect(200));
    record(await call('get', '/audit-log?limit=200').expect(200));

    await eventually(async () => (output.includes('/api/v1/audit-log') ? true : undefined), {
      what: 'the request log lines',
    });
    api.kill('SIGTERM');
    await exited(api);

    expect(output).toContain('request completed');
    const stored = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    const users = await prisma.user.findMany({ select: { passwordHash: true } });
    const audit = await prisma.auditLog.findMany({ select: { data: true } });
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const response of responses)
        expect({ name, response }).not.toEqual(
          expect.objectContaining({ response: expect.stringContaining(secret) }),
        );
      expect({ name, logged: output.includes(secret) }).toEqual({ name, logged: false });
      expect(stored.secretsEncrypted).not.toContain(secret);
      expect(JSON.stringify(users)).not.toContain(secret);
      expect(JSON.stringify(audit)).not.toContain(secret);
    }
    expect(output).not.toContain(token);
  });
});
