import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { type RunningApi, eventually, startApi, startWorker } from '@svara/testing';
import {
  FakeGraphServer,
  messageWebhook,
  serializeWebhook,
  signWebhook,
} from '../support/fake-graph';
import { createMetaChannel, ingested } from '../support/meta-channels';

const APP_SECRET = 'fuzz-app-secret';

// Webhook deliveries that are not what Meta sends: bad JSON, bad or missing
// signatures, odd shapes correctly signed, unicode edge cases, huge bodies.
// Each gets a clear answer; valid deliveries among them are all stored.
describe('Meta webhook under malformed input', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await fake.listen();
    const env = {
      META_GRAPH_URL: fake.url,
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: 'fuzz-verify',
    };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  it('answers every malformed delivery clearly and keeps every valid one', async () => {
    const page = fake.store.addPage({ name: 'Fuzzkommun' });
    const channel = await createMetaChannel(worker, page);
    const statuses = new Map<number, number>();
    const post = (raw: string | Buffer, signature?: string) => {
      const call = request(api.server)
        .post('/api/v1/webhooks/meta')
        .set('content-type', 'application/json');
      if (signature) call.set('x-hub-signature-256', signature);
      return call.send(raw);
    };
    const expectClear = (response: request.Response) => {
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([200, 400, 401, 413]).toContain(response.status);
      if (response.status !== 200) {
        expect(response.body).toEqual({
          statusCode: response.status,
          error: expect.any(String),
          message: expect.any(String),
        });
      }
    };

    let valid = 0;
    let runs = 0;
    const sendValid = async () => {
      const person = { id: `77${String(valid).padStart(14, '0')}`, name: `Person ${valid}` };
      const message = fake.store.receiveMessage(page.id, person, `Fråga nummer ${valid} – åäö`);
      valid += 1;
      const raw = serializeWebhook(messageWebhook(fake.store, message));
      const response = await post(raw, signWebhook(raw, APP_SECRET)).expect(200);
      expect(response.body).toEqual({ stored: 1 });
    };

    // Odd shapes, correctly signed: accepted with nothing stored, or refused.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            object: fc.constantFrom('page', 'instagram', 'user'),
            entry: fc.jsonValue(),
          }),
          fc.record({
            object: fc.constant('page'),
            entry: fc.array(
              fc.record({
                id: fc.oneof(fc.constant(page.id), fc.string()),
                messaging: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 3 }),
                changes: fc.array(fc.jsonValue(), { maxLength: 3 }),
              }),
              { maxLength: 3 },
            ),
          }),
        ),
        async (body) => {
          if (runs++ % 40 === 0) await sendValid();
          const raw = serializeWebhook(body);
          expectClear(await post(raw, signWebhook(raw, APP_SECRET)));
        },
      ),
      { numRuns: 1500 },
    );
    // Unsigned, wrongly signed and unreadable bodies.
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.option(fc.string()), async (text, sig) => {
        const response = await post(text, sig === null ? undefined : `sha256=${sig}`);
        expectClear(response);
        expect(response.status).not.toBe(200);
      }),
      { numRuns: 700 },
    );
    const huge = serializeWebhook({
      object: 'page',
      entry: [{ id: page.id, pad: 'x'.repeat(2_000_000) }],
    });
    expectClear(await post(huge, signWebhook(huge, APP_SECRET)));
    await sendValid();

    await ingested(worker, channel.id);
    const prisma = worker.get(PrismaService);
    await eventually(async () =>
      (await prisma.message.count({ where: { channelId: channel.id } })) >= valid
        ? true
        : undefined,
    );
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(valid);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});
