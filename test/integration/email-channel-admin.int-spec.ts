import request from 'supertest';
import { createUser, login, type RunningApi, startApi } from '@svara/testing';

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
