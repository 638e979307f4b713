import request from 'supertest';
import { type RunningApi, createUser, createWebFormChannel, login, startApi } from '@svara/testing';

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

  it('revokes tokens issued before the user was deactivated', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const token = await login(api, user.email);
    await api.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    await request(api.server).get('/api/v1/threads').set('authorization', token).expect(401);
  });

  it('locks the account after five wrong passwords in a row', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    for (let i = 0; i < 5; i += 1) {
      await request(api.server)
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'wrong' })
        .expect(401);
    }
    const locked = await request(api.server)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'a long enough password' })
      .expect(401);
    expect(locked.body.message).toMatch(/try again later/);
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
