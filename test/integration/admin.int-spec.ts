import request from 'supertest';
import {
  DEFAULT_PASSWORD,
  type RunningApi,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('administration', () => {
  let api: RunningApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await startApi();
    const user = await createUser(api.prisma, { role: 'ADMIN' });
    adminId = user.id;
    admin = await login(api, user.email);
  });
  afterAll(() => api?.close());

  const as = (auth: string) => ({
    get: (path: string) => request(api.server).get(`/api/v1${path}`).set('authorization', auth),
    post: (path: string, body?: object) =>
      request(api.server).post(`/api/v1${path}`).set('authorization', auth).send(body),
    patch: (path: string, body: object) =>
      request(api.server).patch(`/api/v1${path}`).set('authorization', auth).send(body),
    put: (path: string, body: object = {}) =>
      request(api.server).put(`/api/v1${path}`).set('authorization', auth).send(body),
    delete: (path: string) =>
      request(api.server).delete(`/api/v1${path}`).set('authorization', auth),
  });

  it('creates users with a role and teams, and a role change applies at once', async () => {
    const team = await createTeam(api.prisma);
    const email = `Ny.Agent.${Date.now()}@Kommun.se`;
    const created = await as(admin)
      .post('/users', {
        email,
        name: 'Ny Agent',
        role: 'AGENT',
        password: 'ett långt lösenord',
        teamIds: [team.id],
      })
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        email: email.toLowerCase(),
        role: 'AGENT',
        active: true,
        memberships: [{ teamId: team.id, isLead: false }],
      }),
    );
    expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|argon2/);
    await as(admin)
      .post('/users', { email, name: 'Igen', role: 'AGENT', password: 'ett långt lösenord' })
      .expect(409);
    const invalid = await as(admin)
      .post('/users', { email: 'nej', name: '', role: 'BOSS', password: 'kort' })
      .expect(400);
    for (const field of ['email', 'name', 'role', 'password']) {
      expect(invalid.body.message).toContain(field);
    }

    const token = await login(api, email, 'ett långt lösenord');
    const me = await as(token).get('/auth/me').expect(200);
    expect(me.body).toEqual(expect.objectContaining({ role: 'AGENT', teamIds: [team.id] }));
    await as(admin).patch(`/users/${created.body.id}`, { role: 'LEAD' }).expect(200);
    await as(token).get('/auth/me').expect(401);
    const again = await login(api, email, 'ett långt lösenord');
    expect((await as(again).get('/auth/me').expect(200)).body.role).toBe('LEAD');

    await as(admin).patch(`/users/${created.body.id}`, { active: false }).expect(200);
    await request(api.server)
      .post('/api/v1/auth/login')
      .send({ email, password: 'ett långt lösenord' })
      .expect(401);
    await as(admin).delete(`/users/${created.body.id}`).expect(204);
    await as(admin).get(`/users/${created.body.id}`).expect(404);
    await as(admin).delete(`/users/${adminId}`).expect(409);

    const audit = await as(admin).get(`/audit-log?entityType=user&entityId=${created.body.id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
      'user.deleted',
      'user.updated',
      'user.updated',
      'user.created',
    ]);
  });

  it('signs a user out everywhere on logout, and on a password change keeps only the new session', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const [laptop, phone] = [await login(api, user.email), await login(api, user.email)];
    await as(laptop).post('/auth/logout').expect(204);
    await as(laptop).get('/auth/me').expect(401);
    await as(phone).get('/auth/me').expect(401);

    const session = await login(api, user.email);
    const wrong = await as(session)
      .post('/auth/password', {
        currentPassword: 'inte rätt',
        newPassword: 'ett nytt långt lösenord',
      })
      .expect(400);
    expect(wrong.body.message).toContain('currentPassword');
    await as(session)
      .post('/auth/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'kort' })
      .expect(400);
    const changed = await as(session)
      .post('/auth/password', {
        currentPassword: DEFAULT_PASSWORD,
        newPassword: 'ett nytt långt lösenord',
      })
      .expect(200);
    await as(session).get('/auth/me').expect(401);
    await as(`Bearer ${changed.body.accessToken}`).get('/auth/me').expect(200);
    await request(api.server)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: DEFAULT_PASSWORD })
      .expect(401);
    await login(api, user.email, 'ett nytt långt lösenord');
  });

  it("gives a team's threads to its members as soon as they join, and takes them away when they leave", async () => {
    const created = await as(admin)
      .post('/teams', { name: `Bygglov ${Date.now()}` })
      .expect(201);
    await as(admin).post('/teams', { name: created.body.name }).expect(409);
    const channel = await createWebFormChannel(api.prisma, {}, created.body.id);
    const thread = await createThread(api.prisma, {
      channelId: channel.id,
      teamId: created.body.id,
    });
    const agent = await createUser(api.prisma, { role: 'AGENT' });
    const auth = await login(api, agent.email);

    await as(auth).get(`/threads/${thread.id}`).expect(404);
    const team = await as(admin)
      .put(`/teams/${created.body.id}/members/${agent.id}`, { isLead: true })
      .expect(200);
    expect(team.body.members).toEqual([
      expect.objectContaining({ userId: agent.id, isLead: true }),
    ]);
    await as(auth).get(`/threads/${thread.id}`).expect(200);
    await as(admin).delete(`/teams/${created.body.id}/members/${agent.id}`).expect(204);
    await as(auth).get(`/threads/${thread.id}`).expect(404);
    await as(admin)
      .put(`/teams/${created.body.id}/members/00000000-0000-4000-8000-000000000000`)
      .expect(404);
  });

  it('changes, disables and deletes channels, with every change in the audit log', async () => {
    const team = await createTeam(api.prisma);
    const created = await as(admin)
      .post('/channels', { type: 'WEB_FORM', name: 'Kontakt', teamId: team.id })
      .expect(201);
    const id = created.body.id as string;
    const submit = () =>
      request(api.server)
        .post(`/api/v1/forms/${id}/submissions`)
        .send({ name: 'A', email: 'a@example.se', message: 'Hej' });

    await api.prisma.channel.update({
      where: { id },
      data: { health: 'UNHEALTHY', lastError: 'credentials refused' },
    });
    const disabled = await as(admin).patch(`/channels/${id}`, { enabled: false }).expect(200);
    expect(disabled.body).toEqual(expect.objectContaining({ enabled: false, health: 'UNHEALTHY' }));
    await submit().expect(404);
    const enabled = await as(admin)
      .patch(`/channels/${id}`, {
        enabled: true,
        config: { allowedOrigins: ['https://kommun.se'] },
      })
      .expect(200);
    expect(enabled.body).toEqual(
      expect.objectContaining({
        enabled: true,
        health: 'OK',
        lastError: null,
        config: { allowedOrigins: ['https://kommun.se'] },
      }),
    );
    await submit().expect(202);

    const badConfig = await as(admin)
      .patch(`/channels/${id}`, { config: { allowedOrigins: ['kommun.se'] } })
      .expect(400);
    expect(badConfig.body.message).toContain('config.allowedOrigins');
    const badTeam = await as(admin)
      .patch(`/channels/${id}`, { teamId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(badTeam.body.message).toContain('teamId');
    await as(admin).patch(`/channels/${id}`, { type: 'EMAIL' }).expect(400);

    const polled = await as(admin).post(`/channels/${id}/poll`).expect(400);
    expect(polled.body.message).toContain('not polled');
    expect((await as(admin).post(`/channels/${id}/test`).expect(200)).body).toEqual({ ok: true });
    await as(admin).post('/channels/00000000-0000-4000-8000-000000000000/test').expect(404);

    await createThread(api.prisma, { channelId: id });
    const refused = await as(admin).delete(`/channels/${id}`).expect(409);
    expect(refused.body.message).toContain('disable it instead');
    const empty = await createWebFormChannel(api.prisma);
    await as(admin).delete(`/channels/${empty.id}`).expect(204);
    await as(admin).get(`/channels/${empty.id}`).expect(404);

    const audit = await as(admin).get(`/audit-log?entityType=channel&entityId=${id}`).expect(200);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
      'channel.updated',
      'channel.updated',
      'channel.created',
    ]);
    expect(audit.body.data[2].actor).toEqual(expect.objectContaining({ id: adminId }));
  });

  it('refuses blank and guessable passwords wherever one is set, naming the field', async () => {
    const email = `svag.${Date.now()}@kommun.se`;
    for (const [password, message] of [
      [' '.repeat(12), 'password must not be blank'],
      ['password1234', 'password is too easy to guess'],
      [`${email.split('@')[0]}!`, 'password is too easy to guess (it is close to the e-mail'],
    ]) {
      const refused = await as(admin)
        .post('/users', { email, name: 'Svag Användare', role: 'AGENT', password })
        .expect(400);
      expect(refused.body.message).toContain(message);
    }
    const user = await as(admin)
      .post('/users', { email, name: 'Svag Användare', role: 'AGENT', password: DEFAULT_PASSWORD })
      .expect(201);
    const reset = await as(admin)
      .patch(`/users/${user.body.id}`, { password: 'Svag Användare' })
      .expect(400);
    expect(reset.body.message).toContain('password is too easy to guess');

    const token = await login(api, email);
    const changed = await as(token)
      .post('/auth/password', { currentPassword: DEFAULT_PASSWORD, newPassword: ' '.repeat(16) })
      .expect(400);
    expect(changed.body.message).toContain('newPassword must not be blank');
    await login(api, email);
  });

  it('pages through the audit log, newest first', async () => {
    const first = await as(admin).get('/audit-log?limit=2').expect(200);
    expect(first.body.data).toHaveLength(2);
    const second = await as(admin)
      .get(`/audit-log?limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(Number(second.body.data[0].id)).toBeLessThan(Number(first.body.data[1].id));
    await as(admin).get('/audit-log?cursor=abc').expect(400);
  });

  it('documents every route in the OpenAPI document, generated from the DTOs', async () => {
    const document = await request(api.server).get('/api/docs-json').expect(200);
    const paths = Object.keys(document.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/threads',
        '/api/v1/threads/{id}',
        '/api/v1/threads/{id}/replies',
        '/api/v1/threads/{id}/notes',
        '/api/v1/channels/{id}/poll',
        '/api/v1/channels/{id}/test',
        '/api/v1/users/{id}',
        '/api/v1/teams/{id}/members/{userId}',
        '/api/v1/canned-replies',
        '/api/v1/audit-log',
        '/api/v1/events',
        '/api/v1/auth/logout',
      ]),
    );
    expect(document.body.components.schemas.UpdateThreadDto.required).toContain('version');
  });
});

describe('login throttling', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => api?.close());

  it('answers 429 past the per-address limit, whichever accounts are tried', async () => {
    const attempt = (email: string, from: string) =>
      request(api.server)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', from)
        .send({ email, password: 'gissning' });
    for (let i = 0; i < 3; i += 1) await attempt(`user${i}@kommun.se`, '203.0.113.9').expect(401);
    const limited = await attempt('user9@kommun.se', '203.0.113.9').expect(429);
    expect(limited.body).toEqual(
      expect.objectContaining({ statusCode: 429, error: 'Too Many Requests' }),
    );
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await attempt('user9@kommun.se', '198.51.100.4').expect(401);
  });
});
