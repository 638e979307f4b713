import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import {
  type RunningApi,
  accountForIntake,
  eventually,
  startApi,
  startWorker,
} from '@svara/testing';
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

  it('stores any text, id and time in a signed delivery, each item as a message or parked with its reason', async () => {
    const page = fake.store.addPage({ name: 'Teckenkommun' });
    const channel = await createMetaChannel(worker, page);
    // NUL, surrogate halves without their pair, emoji, controls; ids and times of any size.
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'ä', '👋', ' ') }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    const event = fc.record({
      sender: fc.oneof(fc.constant(page.id), fc.stringMatching(/^[0-9]{1,20}$/), anyText),
      text: anyText,
      mid: fc.oneof(anyText, fc.string({ minLength: 3000, maxLength: 12000 })),
      timestamp: fc.oneof(
        fc.constant(Date.now()),
        fc.integer(),
        fc.double(),
        fc.constant(-8.64e15),
        fc.constant(8.64e15),
      ),
      echo: fc.boolean(),
    });
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 3 }), async (events) => {
        const messaging = events.map((e) => ({
          sender: { id: e.sender },
          recipient: { id: page.id },
          timestamp: e.timestamp,
          // Unique per item, so every one can be accounted for.
          message: { mid: `m_${sent++}_${e.mid}`, text: e.text, is_echo: e.echo },
        }));
        const raw = serializeWebhook({
          object: 'page',
          entry: [{ id: page.id, time: Date.now(), messaging }],
        });
        const response = await request(api.server)
          .post('/api/v1/webhooks/meta')
          .set('content-type', 'application/json')
          .set('x-hub-signature-256', signWebhook(raw, APP_SECRET))
          .send(raw);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ stored: events.length });
      }),
      // A fixed seed: the share of usable items below depends on what is generated.
      { numRuns: 1200, seed: 20261204 },
    );

    const account = await accountForIntake(worker.get(PrismaService), channel.id);
    expect(account.messages + account.rejected + account.parked).toBe(sent);
    expect(account.reasons.every((reason) => reason.length > 0)).toBe(true);
    // About a quarter of what this generator makes is a usable message (580 of
    // 2,381 with the seed above); a floor below that shows they are not lost as
    // rejections, with the fixed seed the run is the same every time.
    expect(account.messages).toBeGreaterThan(sent / 5);
    await request(api.server).get('/api/v1/health').expect(200);
  }, 180_000);
});
