import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { deriveKey } from '@svara/secrets';
import {
  DEFAULT_PASSWORD,
  type RunningApi,
  TEST_SECRETS_KEY,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('auth', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('issues a bearer token for the right password only', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const token = await login(api, user.email.toUpperCase());
    await request(api.server).get('/api/v1/threads').set('authorization', token).expect(200);

    const wrong = await request(api.server)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong e-mail or password',
    });
    await request(api.server)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@kommun.test', password: 'whatever' })
      .expect(401);
  });

  it('keeps the inbox closed without a valid token', async () => {
    await request(api.server).get('/api/v1/threads').expect(401);
    await request(api.server)
      .get('/api/v1/threads')
      .set('authorization', 'Bearer nonsense')
      .expect(401);
  });

  it('refuses a correctly signed token that never expires', async () => {
    const user = await createUser(api.prisma, { role: 'ADMIN' });
    const signer = new JwtService({
      secret: deriveKey(Buffer.from(TEST_SECRETS_KEY, 'hex'), 'access-token'),
      signOptions: { algorithm: 'HS256', issuer: 'svara' },
    });
    const claims = { sub: user.id, role: 'ADMIN', ver: user.tokenVersion };
    const expiring = await signer.signAsync(claims, { expiresIn: 60 });
    await request(api.server)
      .get('/api/v1/auth/me')
      .set('authorization', `Bearer ${expiring}`)
      .expect(200);
    const forever = await signer.signAsync(claims);
    const refused = await request(api.server)
      .get('/api/v1/auth/me')
      .set('authorization', `Bearer ${forever}`)
      .expect(401);
    expect(refused.body.message).toBe('Token is invalid or expired');
  });

  it('revokes tokens issued before the user was deactivated', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const token = await login(api, user.email);
    await api.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    await request(api.server).get('/api/v1/threads').set('authorization', token).expect(401);
  });

  const attempt = (email: string, password: string) =>
    request(api.server).post('/api/v1/auth/login').send({ email, password });
  const WRONG = { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' };

  it('locks the account after five wrong passwords, answering exactly as for a wrong one', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const wrong = await attempt(user.email, 'wrong').expect(401);
    for (let i = 1; i < 5; i += 1) await attempt(user.email, 'wrong').expect(401);
    const locked = await attempt(user.email, DEFAULT_PASSWORD).expect(401);
    expect(locked.body).toEqual(WRONG);
    expect(Object.keys(locked.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
    const unknown = await attempt('nobody@kommun.test', DEFAULT_PASSWORD).expect(401);
    expect(unknown.body).toEqual(locked.body);
  });

  it('counts every one of 25 parallel wrong passwords, and locks', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => attempt(user.email, 'a wrong guess')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(25).fill(401));
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(25);
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await attempt(user.email, DEFAULT_PASSWORD).expect(401)).body).toEqual(WRONG);
  });

  it('forgets failures after a right password, and starts again once a lock has run out', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    for (let i = 0; i < 4; i += 1) await attempt(user.email, 'wrong').expect(401);
    await attempt(user.email, DEFAULT_PASSWORD).expect(200);
    for (let i = 0; i < 4; i += 1) await attempt(user.email, 'wrong').expect(401);
    await attempt(user.email, DEFAULT_PASSWORD).expect(200);

    await api.prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() - 1000) },
    });
    await attempt(user.email, 'wrong').expect(401);
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toEqual(expect.objectContaining({ failedLoginCount: 1, lockedUntil: null }));
    await attempt(user.email, DEFAULT_PASSWORD).expect(200);
  });

  it('counts wrong current passwords of a password change as failed logins', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const token = await login(api, user.email);
    const change = (currentPassword: string) =>
      request(api.server)
        .post('/api/v1/auth/password')
        .set('authorization', token)
        .send({ currentPassword, newPassword: 'kanelbulle med kardemumma' });
    await Promise.all([0, 1, 2].map(() => change('wrong').expect(400)));
    await attempt(user.email, 'wrong').expect(401);
    await attempt(user.email, 'wrong').expect(401);
    expect((await attempt(user.email, DEFAULT_PASSWORD).expect(401)).body).toEqual(WRONG);
    const locked = await change(DEFAULT_PASSWORD).expect(400);
    expect(locked.body.message).toBe('currentPassword is wrong');
  });

  it('lets only admins configure channels', async () => {
    const agent = await createUser(api.prisma, { role: 'AGENT' });
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const body = {
      type: 'WEB_FORM',
      name: 'Kontakt',
      config: { allowedOrigins: ['https://kommun.se'] },
    };
    await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', await login(api, agent.email))
      .send(body)
      .expect(403);
    const created = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', await login(api, admin.email))
      .send(body)
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        type: 'WEB_FORM',
        name: 'Kontakt',
        enabled: true,
        hasSecrets: false,
      }),
    );
    expect(created.body).not.toHaveProperty('secretsEncrypted');
  });

  it('answers 400 naming the field for a bad channel body', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const auth = await login(api, admin.email);
    const badOrigins = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ type: 'WEB_FORM', name: 'Kontakt', config: { allowedOrigins: 'kommun.se' } })
      .expect(400);
    expect(badOrigins.body.message).toContain('config.allowedOrigins');
    const badType = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ type: 'PIGEON', name: 'Kontakt' })
      .expect(400);
    expect(badType.body.message).toContain('type');
  });

  it('returns 404, not an error page, for a thread that does not exist', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const auth = await login(api, admin.email);
    await createWebFormChannel(api.prisma);
    const missing = await request(api.server)
      .get('/api/v1/threads/00000000-0000-4000-8000-000000000000')
      .set('authorization', auth)
      .expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Thread not found',
    });
  });
});
