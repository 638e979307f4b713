import request from 'supertest';
import {
  createUser,
  Dovecot,
  freePort,
  login,
  MAILBOX_USER,
  type RunningApi,
  SmtpReceiver,
  startApi,
} from '@svara/testing';
import { FakeGraphServer } from '../support/fake-graph';

describe('testing a channel connection before it is saved', () => {
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let auth: string;

  beforeAll(async () => {
    [dovecot, smtp, api] = await Promise.all([
      Dovecot.start([MAILBOX_USER]),
      SmtpReceiver.start(),
      startApi(),
    ]);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  const mailbox = (imapPassword: string, imapPort = dovecot.port) => ({
    type: 'EMAIL',
    name: 'Kommunens brevlåda',
    config: {
      address: MAILBOX_USER.user,
      imapHost: '127.0.0.1',
      imapPort,
      imapSecure: false,
      imapRequireTls: false,
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecure: false,
      smtpRequireTls: false,
    },
    secrets: { imapUser: MAILBOX_USER.user, imapPassword },
  });

  const testUnsaved = (body: object) =>
    request(api.server).post('/api/v1/channels/test').set('authorization', auth).send(body);

  it('says ok for settings that work, and stores nothing', async () => {
    const channelsBefore = await api.prisma.channel.count();
    const response = await testUnsaved(mailbox(MAILBOX_USER.password)).expect(200);
    expect(response.body).toEqual({ ok: true });
    expect(await api.prisma.channel.count()).toBe(channelsBefore);
  });

  it('says a wrong password is a refused login, without repeating it', async () => {
    const response = await testUnsaved(mailbox('fel-lösenord-123')).expect(200);
    expect(response.body).toEqual({
      ok: false,
      problem: 'IMAP_LOGIN_REFUSED',
      reason: 'The IMAP server refused the user name or password',
    });
    expect(JSON.stringify(response.body)).not.toContain('fel-lösenord-123');
  });

  it('says when nothing answers on the port', async () => {
    const closedPort = await freePort();
    const response = await testUnsaved(mailbox(MAILBOX_USER.password, closedPort)).expect(200);
    expect(response.body).toMatchObject({ ok: false, problem: 'CONNECTION_REFUSED' });
  });

  it('refuses settings that could not be saved either, naming the field', async () => {
    const body = mailbox(MAILBOX_USER.password);
    const response = await testUnsaved({ ...body, config: { ...body.config, imapPort: 0 } }).expect(
      400,
    );
    expect(response.body.message).toBe('config.imapPort must be a port number (1-65535)');
  });

  it('tries changes on a stored channel without storing them', async () => {
    const created = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send(mailbox('fel-lösenord-123'))
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      secretsSet: ['imapPassword', 'imapUser'],
      lastProblem: null,
    });
    expect(JSON.stringify(created.body)).not.toContain('fel-lösenord-123');

    const stored = await request(api.server)
      .post(`/api/v1/channels/${id}/test`)
      .set('authorization', auth)
      .expect(200);
    expect(stored.body).toMatchObject({ ok: false, problem: 'IMAP_LOGIN_REFUSED' });

    const withNewPassword = await request(api.server)
      .post(`/api/v1/channels/${id}/test`)
      .set('authorization', auth)
      .send({ secrets: { imapPassword: MAILBOX_USER.password } })
      .expect(200);
    expect(withNewPassword.body).toEqual({ ok: true });

    const again = await request(api.server)
      .post(`/api/v1/channels/${id}/test`)
      .set('authorization', auth)
      .expect(200);
    expect(again.body.ok).toBe(false);
  });

  it('shows the error of a failed poll as a problem code on the channel', async () => {
    const created = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ ...mailbox(MAILBOX_USER.password), name: 'Felaktig brevlåda' })
      .expect(201);
    await api.prisma.channel.update({
      where: { id: created.body.id },
      data: {
        health: 'UNHEALTHY',
        lastError: 'The IMAP server refused the user name or password',
      },
    });
    const listed = await request(api.server)
      .get('/api/v1/channels')
      .set('authorization', auth)
      .expect(200);
    expect(listed.body.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({
      health: 'UNHEALTHY',
      lastProblem: 'IMAP_LOGIN_REFUSED',
    });
  });

  it('keeps the token expiry a Facebook Page channel was given, and checks it is a date', async () => {
    const page = {
      type: 'FACEBOOK_PAGE',
      name: 'Kommunens Facebooksida',
      config: { pageId: '1234567890', tokenExpiresAt: '2027-03-31' },
      secrets: { pageAccessToken: 'EAAB-token-for-the-page-0123456789' },
    };
    const created = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send(page)
      .expect(201);
    expect(created.body).toMatchObject({
      tokenExpiresAt: '2027-03-31',
      secretsSet: ['pageAccessToken'],
    });
    expect(JSON.stringify(created.body)).not.toContain('EAAB-token');
    const invalid = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ ...page, config: { ...page.config, tokenExpiresAt: 'snart' } })
      .expect(400);
    expect(invalid.body.message).toBe('config.tokenExpiresAt must be a date (YYYY-MM-DD)');
  });
});

describe('testing a Facebook Page before it is saved', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let auth: string;

  beforeAll(async () => {
    await fake.listen();
    api = await startApi({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: fake.version });
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });
  afterAll(async () => {
    await api?.close();
    await fake.close();
  });

  const testPage = (pageId: string, pageAccessToken: string) =>
    request(api.server)
      .post('/api/v1/channels/test')
      .set('authorization', auth)
      .send({
        type: 'FACEBOOK_PAGE',
        name: 'Facebook',
        config: { pageId },
        secrets: { pageAccessToken },
      })
      .expect(200);

  it("says ok for the Page's own token, and names an expired or another account's token", async () => {
    const page = fake.store.addPage({ name: 'Kommunen' });
    const other = fake.store.addPage({ name: 'Grannkommunen' });
    const channelsBefore = await api.prisma.channel.count();
    expect((await testPage(page.id, page.token)).body).toEqual({ ok: true });

    const wrongAccount = await testPage(page.id, other.token);
    expect(wrongAccount.body).toMatchObject({ ok: false, problem: 'WRONG_ACCOUNT' });
    expect(JSON.stringify(wrongAccount.body)).not.toContain(other.token);

    fake.store.deadTokens.add(page.token);
    const expired = await testPage(page.id, page.token);
    expect(expired.body).toMatchObject({ ok: false, problem: 'TOKEN_EXPIRED' });
    expect(JSON.stringify(expired.body)).not.toContain(page.token);
    expect(await api.prisma.channel.count()).toBe(channelsBefore);
  });
});
