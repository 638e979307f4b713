import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { InboundBatches } from '@svara/pipeline';
import {
  type RunningApi,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  webFormItem,
} from '@svara/testing';
import { FakeGraphServer, serializeWebhook, signWebhook } from '../support/fake-graph';
import { createMetaChannel, ingested } from '../support/meta-channels';

const APP_SECRET = 'isolation-app-secret';

// A character Postgres cannot store, or one item it refuses, used to cost the
// whole batch: retried eight times, then parked FAILED with every good item in it.
describe('ingest with bad characters and failing items', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    await fake.listen();
    const env = {
      META_GRAPH_URL: fake.url,
      META_APP_SECRET: APP_SECRET,
      FORM_RATE_LIMIT_PER_MINUTE: '1000',
    };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    prisma = worker.get(PrismaService);
    admin = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
    agent = await login(api, (await createUser(api.prisma, { role: 'AGENT' })).email);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  const settled = (batchId: string) =>
    eventually(
      async () => {
        const batch = await prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } });
        return batch.status === 'PENDING' ? undefined : batch;
      },
      { timeoutMs: 20_000, what: `batch ${batchId}` },
    );

  it('stores a web-form message holding NUL and unpaired surrogates, cleaned', async () => {
    const channel = await createWebFormChannel(api.prisma);
    // JSON escapes: NUL, a high surrogate alone, a low surrogate alone, and an emoji pair.
    const body =
      '{"name":"Anna\\u0000 Berg","email":"anna.nul@example.se",' +
      '"subject":"Fr\\ud800ga","message":"Hej\\u0000 d\\udc00r 👋"}';
    await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .set('content-type', 'application/json')
      .send(body)
      .expect(202);
    const message = await eventually(
      () =>
        prisma.message.findFirst({ where: { channelId: channel.id } }).then((m) => m ?? undefined),
      { what: 'the message' },
    );
    expect(message.text).toBe('Hej d\ufffdr 👋');
    expect(message.authorName).toBe('Anna Berg');
    const thread = await prisma.thread.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(thread.subject).toBe('Fr\ufffdga');
    expect(
      await prisma.inboundBatch.count({ where: { channelId: channel.id, status: 'FAILED' } }),
    ).toBe(0);
  });

  it.each([
    ['only white space', '  \n\t  '],
    ['only NUL and white space', '\u0000 \u0000'],
  ])('refuses a message of %s with a 400 naming the field', async (_what, text) => {
    const channel = await createWebFormChannel(api.prisma);
    const response = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({ name: 'Anna', email: 'anna.hardening@example.se', message: text })
      .expect(400);
    expect(response.body.message).toMatch(/^message /);
    expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
  });

  it('stores the good items of a signed webhook and parks only the one that fails', async () => {
    const page = fake.store.addPage({ name: 'Isolationskommun' });
    const channel = await createMetaChannel(worker, page);
    const event = (mid: string, text: string, sender: string) => ({
      sender: { id: sender },
      recipient: { id: page.id },
      timestamp: Date.now(),
      message: { mid, text },
    });
    // The second item's id is longer than the message index can hold: Postgres
    // refuses that one row on every attempt.
    const tooLong = `m_${randomBytes(9000).toString('base64url')}`;
    const raw = serializeWebhook({
      object: 'page',
      entry: [
        {
          id: page.id,
          time: Date.now(),
          messaging: [
            event('m_good_1', 'Hej\u0000 kommunen \ud83d', '7001'),
            event(tooLong, 'Det här stannar', '7002'),
            event('m_good_2', 'En fråga till', '7003'),
          ],
        },
      ],
    });
    await request(api.server)
      .post('/api/v1/webhooks/meta')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', signWebhook(raw, APP_SECRET))
      .send(raw)
      .expect(200, { stored: 3 });
    await ingested(worker, channel.id);

    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      orderBy: { externalId: 'asc' },
    });
    expect(messages.map((m) => [m.externalId.slice(0, 20), m.text])).toEqual([
      ['m_good_1', 'Hej kommunen \ufffd'],
      ['m_good_2', 'En fråga till'],
    ]);
    const [original] = await prisma.inboundBatch.findMany({
      where: { channelId: channel.id, itemCount: 3 },
    });
    expect(original!.status).toBe('DONE');
    const parked = await prisma.inboundBatch.findFirstOrThrow({
      where: { channelId: channel.id, status: 'FAILED' },
    });
    expect(original!.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/index row/), parkedBatchId: parked.id },
    ]);
    expect(parked.itemCount).toBe(1);
    expect(parked.lastError).toMatch(new RegExp(`^item 1 of batch ${original!.id}: .*index row`));

    // Admins see it with its reason; others do not.
    await request(api.server)
      .get('/api/v1/inbound-batches?status=FAILED')
      .set('authorization', agent)
      .expect(403);
    const listed = await request(api.server)
      .get('/api/v1/inbound-batches?status=FAILED&limit=100')
      .set('authorization', admin)
      .expect(200);
    expect(listed.body.data).toContainEqual(
      expect.objectContaining({
        id: parked.id,
        channelId: channel.id,
        status: 'FAILED',
        itemCount: 1,
        lastError: parked.lastError,
      }),
    );
    expect(JSON.stringify(listed.body)).not.toContain('Det här stannar');

    // Retried, it fails for the same reason and is parked again, audited.
    await request(api.server)
      .post(`/api/v1/inbound-batches/${parked.id}/retry`)
      .set('authorization', admin)
      .expect(202, { id: parked.id, status: 'PENDING' });
    const again = await settled(parked.id);
    expect(again.status).toBe('FAILED');
    expect(again.lastError).toMatch(/^item 0: .*index row/);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'inbound_batch.retried', entityId: parked.id },
    });
    expect(audit.data).toEqual(expect.objectContaining({ channelId: channel.id, itemCount: 1 }));
  });

  it('retries a parked batch into messages once its cause is gone, and refuses others', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const item = webFormItem();
    // As ingest leaves a batch it gave up on (its database was away for too long).
    const batch = await prisma.inboundBatch.create({
      data: {
        channelId: channel.id,
        source: 'FORM',
        items: JSON.parse(JSON.stringify([item])),
        itemCount: 1,
        status: 'FAILED',
        attempts: 8,
        lastError: 'Connection terminated unexpectedly',
      },
    });
    await request(api.server)
      .post(`/api/v1/inbound-batches/${batch.id}/retry`)
      .set('authorization', admin)
      .expect(202);
    expect((await settled(batch.id)).status).toBe('DONE');
    expect(
      (await prisma.message.findMany({ where: { channelId: channel.id } })).map(
        (m) => m.externalId,
      ),
    ).toEqual([item.id]);

    const conflict = await request(api.server)
      .post(`/api/v1/inbound-batches/${batch.id}/retry`)
      .set('authorization', admin)
      .expect(409);
    expect(conflict.body.message).toMatch(/DONE/);
    await request(api.server)
      .post('/api/v1/inbound-batches/00000000-0000-4000-8000-000000000000/retry')
      .set('authorization', admin)
      .expect(404);
  });

  it('pages through parked batches oldest first', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const batch = await prisma.inboundBatch.create({
        data: {
          channelId: channel.id,
          source: 'FORM',
          items: JSON.parse(JSON.stringify([webFormItem()])),
          itemCount: 1,
          status: 'FAILED',
          lastError: `reason ${n}`,
          createdAt: new Date(Date.UTC(2000, 0, 1, 0, 0, n)),
        },
      });
      ids.push(batch.id);
    }
    const first = await request(api.server)
      .get('/api/v1/inbound-batches?status=FAILED&limit=2')
      .set('authorization', admin)
      .expect(200);
    expect(first.body.data.map((b: { id: string }) => b.id)).toEqual(ids.slice(0, 2));
    const second = await request(api.server)
      .get(`/api/v1/inbound-batches?status=FAILED&limit=2&cursor=${first.body.nextCursor}`)
      .set('authorization', admin)
      .expect(200);
    expect(second.body.data[0].id).toBe(ids[2]);
    await request(api.server)
      .get('/api/v1/inbound-batches?status=BROKEN')
      .set('authorization', admin)
      .expect(400);
    expect(worker.get(InboundBatches)).toBeDefined();
  });
});
