import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  type RunningApi,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
} from '@svara/testing';

describe('web form to inbox', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let auth: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startWorker(),
    ]);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  const threadsOf = async (channelId: string) =>
    api.prisma.thread.findMany({ where: { channelId }, include: { messages: true } });

  it('lists a JSON submission as a new thread within a second', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const started = Date.now();
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({
        name: 'Anna Andersson',
        email: 'Anna@Example.se',
        subject: 'Sophämtning',
        message: 'Soporna hämtades inte.',
      })
      .expect(202);
    expect(accepted.body).toEqual({ id: expect.any(String) });

    const listed = await eventually(
      async () => {
        const page = await request(api.server)
          .get(`/api/v1/threads?channelId=${channel.id}`)
          .set('authorization', auth)
          .expect(200);
        return page.body.data.length > 0 ? page.body : undefined;
      },
      { timeoutMs: 1000, what: 'the thread to be listed' },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(listed.data).toEqual([
      expect.objectContaining({
        channelType: 'WEB_FORM',
        subject: 'Sophämtning',
        status: 'OPEN',
        messageCount: 1,
        contact: expect.objectContaining({
          displayName: 'Anna Andersson',
          email: 'anna@example.se',
        }),
      }),
    ]);

    const thread = await request(api.server)
      .get(`/api/v1/threads/${listed.data[0].id}`)
      .set('authorization', auth)
      .expect(200);
    expect(thread.body.messages).toEqual([
      expect.objectContaining({
        direction: 'INBOUND',
        externalId: accepted.body.id,
        text: 'Soporna hämtades inte.',
        author: expect.objectContaining({ address: 'anna@example.se' }),
      }),
    ]);
  });

  it('accepts urlencoded posts from a plain HTML form', async () => {
    const channel = await createWebFormChannel(api.prisma);
    await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .type('form')
      .send({ name: 'Björn', email: 'bjorn@example.no', message: 'Når åpner biblioteket?' })
      .expect(202);
    const [thread] = await eventually(async () => {
      const threads = await threadsOf(channel.id);
      return threads.length ? threads : undefined;
    });
    expect(thread!.messages[0]!.text).toBe('Når åpner biblioteket?');
  });

  it('gives each submission its own thread while the same person stays one contact', async () => {
    const channel = await createWebFormChannel(api.prisma);
    for (const message of ['Första frågan', 'Andra frågan']) {
      await request(api.server)
        .post(`/api/v1/forms/${channel.id}/submissions`)
        .send({ name: 'Cecilia', email: 'cecilia@example.se', message })
        .expect(202);
    }
    const threads = await eventually(async () => {
      const found = await threadsOf(channel.id);
      return found.length === 2 ? found : undefined;
    });
    expect(new Set(threads.map((thread) => thread.contactId)).size).toBe(1);
  });

  it('rejects invalid input with a 400 that names the field, and stores nothing', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'A', email: 'not-an-address', message: 'x' }, 'email'],
      [{ name: 'A', email: 'a@example.se', message: '' }, 'message'],
      [{ email: 'a@example.se', message: 'x' }, 'name'],
      [{ name: 'A', email: 'a@example.se', message: 'x', admin: true }, 'admin'],
      [{ name: 'A', email: 'a@example.se', message: 42 }, 'message'],
    ];
    for (const [body, field] of cases) {
      const response = await request(api.server)
        .post(`/api/v1/forms/${channel.id}/submissions`)
        .send(body)
        .expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringContaining(field),
      });
    }
    const broken = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .set('content-type', 'application/json')
      .send('{"name": "A",')
      .expect(400);
    expect(broken.body.statusCode).toBe(400);
    expect(await api.prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
  });

  it('answers 413 to an oversize body and stores nothing', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const response = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({ name: 'A', email: 'a@example.se', message: 'x'.repeat(300 * 1024) })
      .expect(413);
    expect(response.body).toEqual(
      expect.objectContaining({ statusCode: 413, error: 'Payload Too Large' }),
    );
    expect(await api.prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
  });

  it('rejects a message over the length limit with 400', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const response = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({ name: 'A', email: 'a@example.se', message: 'x'.repeat(20_001) })
      .expect(400);
    expect(response.body.message).toContain('message');
  });

  it('pretends to accept what the honeypot catches, and keeps none of it', async () => {
    const channel = await createWebFormChannel(api.prisma);
    await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({
        name: 'Bot',
        email: 'bot@spam.example',
        message: 'cheap pills',
        website: 'http://spam.example',
      })
      .expect(202);
    expect(await api.prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
  });

  it('answers 404 for unknown, disabled or non-form channels', async () => {
    await request(api.server)
      .post('/api/v1/forms/00000000-0000-4000-8000-000000000000/submissions')
      .send({ name: 'A', email: 'a@example.se', message: 'x' })
      .expect(404);
    await request(api.server)
      .post('/api/v1/forms/not-a-uuid/submissions')
      .send({ name: 'A', email: 'a@example.se', message: 'x' })
      .expect(404);
    const disabled = await createWebFormChannel(api.prisma);
    await api.prisma.channel.update({ where: { id: disabled.id }, data: { enabled: false } });
    await request(api.server)
      .post(`/api/v1/forms/${disabled.id}/submissions`)
      .send({ name: 'A', email: 'a@example.se', message: 'x' })
      .expect(404);
  });

  it("refuses posts from sites not in the channel's allowed origins", async () => {
    const channel = await createWebFormChannel(api.prisma, {
      allowedOrigins: ['https://kommun.se'],
    });
    const body = { name: 'A', email: 'a@example.se', message: 'x' };
    await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .set('origin', 'https://evil.example')
      .send(body)
      .expect(403);
    await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .set('origin', 'https://kommun.se')
      .send(body)
      .expect(202);
  });
});

describe('web form rate limit', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ FORM_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => api?.close());

  it('answers 429 past the per-address limit, and only to that address', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const post = (clientIp: string) =>
      request(api.server)
        .post(`/api/v1/forms/${channel.id}/submissions`)
        .set('x-forwarded-for', clientIp)
        .send({ name: 'A', email: 'a@example.se', message: 'x' });
    for (let i = 0; i < 3; i += 1) await post('203.0.113.7').expect(202);
    const limited = await post('203.0.113.7').expect(429);
    expect(limited.body).toEqual(
      expect.objectContaining({ statusCode: 429, error: 'Too Many Requests' }),
    );
    await post('198.51.100.23').expect(202);
    expect(await api.prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(4);
  });
});
