import request from 'supertest';
import {
  type RunningApi,
  EventStreamClient,
  browserLogin,
  createThread,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
} from '@svara/testing';

describe('browser sessions', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('signs a browser in with an httpOnly SameSite=Strict cookie that opens every route', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const response = await request(api.server)
      .post('/api/v1/auth/session')
      .send({ email: user.email, password: 'a long enough password' })
      .expect(200);
    const sessionCookie = (response.headers['set-cookie'] as unknown as string[]).find((line) =>
      line.startsWith('svara_session='),
    );
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Strict/);
    expect(sessionCookie).not.toMatch(/; Secure/); // PUBLIC_URL is http here
    const body = response.body as { user: unknown; csrfToken: string; expiresAt: string };
    expect(body.user).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'AGENT',
      teamIds: [],
      locale: null,
    });
    const eightHours = Date.parse(body.expiresAt) - Date.now();
    expect(eightHours).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(eightHours).toBeLessThanOrEqual(8 * 3600_000);

    const session = await browserLogin(api, user.email);
    await request(api.server).get('/api/v1/threads').set('cookie', session.cookie).expect(200);
    const resumed = await request(api.server)
      .get('/api/v1/auth/session')
      .set('cookie', session.cookie)
      .expect(200);
    expect(resumed.body).toMatchObject({ user: { id: user.id }, csrfToken: session.csrfToken });
  });

  it('answers wrong credentials as /auth/login does, and no session with 401', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const wrong = await request(api.server)
      .post('/api/v1/auth/session')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong e-mail or password',
    });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    await request(api.server).get('/api/v1/auth/session').expect(401);
    await request(api.server)
      .get('/api/v1/auth/session')
      .set('cookie', 'svara_session=forged')
      .expect(401);
  });

  it('refuses a change with the cookie unless it carries its own session’s CSRF token', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const session = await browserLogin(api, user.email);
    const other = await browserLogin(api, user.email);
    const patch = (csrf?: string, cookie = session.cookie) => {
      const call = request(api.server).patch('/api/v1/auth/me').set('cookie', cookie);
      if (csrf !== undefined) call.set('x-csrf-token', csrf);
      return call.send({ locale: 'sv' });
    };
    for (const csrf of [undefined, '', 'not-a-token', other.csrfToken]) {
      const refused = await patch(csrf).expect(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'CSRF token missing or invalid',
      });
    }
    // This session's CSRF cookie and token, sent with another session: bound to its own, refused.
    const part = (cookie: string, name: string) =>
      cookie.split('; ').find((pair) => pair.startsWith(`${name}=`))!;
    const mixed = `${part(other.cookie, 'svara_session')}; ${part(session.cookie, 'svara_csrf')}`;
    await patch(session.csrfToken, mixed).expect(403);
    await patch(session.csrfToken, `${part(session.cookie, 'svara_session')}`).expect(403);
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe(null);

    const changed = await patch(session.csrfToken).expect(200);
    expect(changed.body).toMatchObject({ id: user.id, locale: 'sv' });
    const resumed = await request(api.server)
      .get('/api/v1/auth/session')
      .set('cookie', other.cookie)
      .expect(200);
    expect(resumed.body.user.locale).toBe('sv');
    await request(api.server)
      .patch('/api/v1/auth/me')
      .set('cookie', session.cookie)
      .set('x-csrf-token', session.csrfToken)
      .send({ locale: 'de' })
      .expect(400);
  });

  it('needs no CSRF token from bearer clients, and takes no session token as a bearer', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const bearer = await login(api, user.email);
    const changed = await request(api.server)
      .patch('/api/v1/auth/me')
      .set('authorization', bearer)
      .send({ locale: null })
      .expect(200);
    expect(changed.body.locale).toBeNull();

    const session = await browserLogin(api, user.email);
    const sessionToken = /svara_session=([^;]+)/.exec(session.cookie)![1]!;
    await request(api.server)
      .get('/api/v1/threads')
      .set('authorization', `Bearer ${sessionToken}`)
      .expect(401);
  });

  it('streams events to a browser that holds only the cookie', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const session = await browserLogin(api, admin.email);
    const channel = await createWebFormChannel(api.prisma);
    const thread = await createThread(api.prisma, { channelId: channel.id });
    const stream = await EventStreamClient.open(api, { cookie: session.cookie });
    try {
      const note = await request(api.server)
        .post(`/api/v1/threads/${thread.id}/notes`)
        .set('cookie', session.cookie)
        .set('x-csrf-token', session.csrfToken)
        .send({ text: 'Ringer upp i morgon.' })
        .expect(201);
      const event = await stream.waitFor(
        (received) => received.type === 'message.created' && received.data.threadId === thread.id,
      );
      expect(event.data.messageId).toBe(note.body.id);
    } finally {
      stream.close();
    }
  });

  it('ends a session on POST /auth/logout (every device) and DELETE /auth/session (this browser)', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' });
    const first = await browserLogin(api, user.email);
    const second = await browserLogin(api, user.email);
    const third = await browserLogin(api, user.email);
    await request(api.server)
      .delete('/api/v1/auth/session')
      .set('cookie', first.cookie)
      .expect(204)
      .expect('set-cookie', /svara_session=;/);
    // A copy of the cleared cookie is refused too; the other browsers stay signed in.
    await request(api.server).get('/api/v1/threads').set('cookie', first.cookie).expect(401);
    await request(api.server).get('/api/v1/threads').set('cookie', second.cookie).expect(200);

    await request(api.server)
      .post('/api/v1/auth/logout')
      .set('cookie', second.cookie)
      .set('x-csrf-token', second.csrfToken)
      .expect(204);
    for (const session of [second, third]) {
      const refused = await request(api.server)
        .get('/api/v1/threads')
        .set('cookie', session.cookie)
        .expect(401);
      expect(refused.body.statusCode).toBe(401);
    }
  });

  it('expires a session after SESSION_TTL_SECONDS', async () => {
    const shortLived = await startApi({ SESSION_TTL_SECONDS: '2' });
    try {
      const user = await createUser(shortLived.prisma, { role: 'AGENT' });
      const session = await browserLogin(shortLived, user.email);
      expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(2000);
      await request(shortLived.server)
        .get('/api/v1/threads')
        .set('cookie', session.cookie)
        .expect(200);
      await eventually(
        async () => {
          const response = await request(shortLived.server)
            .get('/api/v1/threads')
            .set('cookie', session.cookie);
          return response.status === 401 ? response : undefined;
        },
        { timeoutMs: 6000, intervalMs: 250, what: 'the session to expire' },
      );
      await request(shortLived.server)
        .get('/api/v1/auth/session')
        .set('cookie', session.cookie)
        .expect(401);
    } finally {
      await shortLived.close();
    }
  });
});
