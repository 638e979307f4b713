import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  createUser,
  Dovecot,
  eventually,
  login,
  MAILBOX_USER,
  type RunningApi,
  startApi,
  startWorker,
} from '@svara/testing';

const mailbox = {
  type: 'EMAIL',
  name: 'Kommunens brevlåda',
  config: {
    address: 'Kommun@Kommun.test',
    imapHost: 'imap.kommun.test',
    imapPort: 993,
    imapSecure: true,
    smtpHost: 'smtp.kommun.test',
    smtpPort: 587,
    smtpSecure: false,
  },
  secrets: {
    imapUser: 'kommun',
    imapPassword: 'hemligt lösenord',
    smtpUser: 'kommun',
    smtpPassword: 'annat hemligt',
  },
};

describe('connecting a shared mailbox', () => {
  let api: RunningApi;
  let auth: string;

  beforeAll(async () => {
    api = await startApi();
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });
  afterAll(() => api?.close());

  it('stores the settings, with the passwords encrypted and never returned', async () => {
    const response = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send(mailbox)
      .expect(201);
    expect(response.body.config).toEqual({
      address: 'kommun@kommun.test',
      imapHost: 'imap.kommun.test',
      imapPort: 993,
      imapSecure: true,
      imapRequireTls: true,
      mailbox: 'INBOX',
      smtpHost: 'smtp.kommun.test',
      smtpPort: 587,
      smtpSecure: false,
      smtpRequireTls: true,
    });
    expect(response.body.hasSecrets).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain('hemligt');
    const row = await api.prisma.channel.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(row.secretsEncrypted).not.toContain('hemligt');
  });

  it.each([
    [
      { config: { ...mailbox.config, imapPort: 'imap' } },
      'config.imapPort must be a port number (1-65535)',
    ],
    [{ config: { ...mailbox.config, address: 'not an address' } }, 'config.address is not valid'],
    [
      { config: { ...mailbox.config, smtpSecure: undefined } },
      'config.smtpSecure must be true or false',
    ],
    [{ config: { ...mailbox.config, popHost: 'x' } }, 'config.popHost is not an EMAIL setting'],
    [{ secrets: { imapUser: 'kommun' } }, 'secrets.imapPassword is required'],
    [
      { secrets: { ...mailbox.secrets, smtpPassword: undefined } },
      'secrets.smtpPassword and secrets.smtpUser go together',
    ],
  ])('refuses invalid settings with a 400 naming the field: %j', async (change, message) => {
    const response = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ ...mailbox, ...change })
      .expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });
});

describe('an admin connecting a real mailbox', () => {
  let dovecot: Dovecot;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let auth: string;

  beforeAll(async () => {
    dovecot = await Dovecot.start([MAILBOX_USER]);
    [api, worker] = await Promise.all([startApi(), startWorker()]);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await dovecot?.stop();
  });

  const connect = (imapPassword: string) =>
    request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({
        type: 'EMAIL',
        name: 'Brevlådan',
        config: {
          address: MAILBOX_USER.user,
          imapHost: '127.0.0.1',
          imapPort: dovecot.port,
          imapSecure: false,
          imapRequireTls: false,
          smtpHost: '127.0.0.1',
          smtpPort: 2525,
          smtpSecure: false,
          smtpRequireTls: false,
        },
        secrets: { imapUser: MAILBOX_USER.user, imapPassword },
      })
      .expect(201);

  it('tests the connection, saying why it fails without repeating the password', async () => {
    const wrong = await connect('fel-lösenord-123');
    const failed = await request(api.server)
      .post(`/api/v1/channels/${wrong.body.id}/test`)
      .set('authorization', auth)
      .expect(200);
    expect(failed.body).toEqual({
      ok: false,
      reason: expect.stringMatching(/IMAP/i),
      problem: 'IMAP_LOGIN_REFUSED',
    });
    expect(JSON.stringify(failed.body)).not.toContain('fel-lösenord-123');
  });

  it('polls on request, and the mailbox lands in the inbox', async () => {
    await dovecot.append(MAILBOX_USER, 'INBOX', [
      [
        'From: Åsa Öberg <asa@medborgare.test>',
        `To: ${MAILBOX_USER.user}`,
        'Subject: Parkeringstillstånd',
        'Message-ID: <admin-poll-1@medborgare.test>',
        `Date: ${new Date().toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hur ansöker jag om parkeringstillstånd?',
      ].join('\r\n'),
    ]);
    const channel = await connect(MAILBOX_USER.password);
    await request(api.server)
      .post(`/api/v1/channels/${channel.body.id}/poll`)
      .set('authorization', auth)
      .expect(202);
    const listed = await eventually(async () => {
      const page = await request(api.server)
        .get(`/api/v1/threads?channelId=${channel.body.id}`)
        .set('authorization', auth)
        .expect(200);
      return page.body.data.length ? page.body.data : undefined;
    });
    expect(listed).toEqual([expect.objectContaining({ subject: 'Parkeringstillstånd' })]);
    const health = await request(api.server)
      .get(`/api/v1/channels/${channel.body.id}`)
      .set('authorization', auth)
      .expect(200);
    expect(health.body).toMatchObject({ health: 'OK', lastError: null });
    expect(health.body.lastSuccessAt).not.toBeNull();
  });
});
