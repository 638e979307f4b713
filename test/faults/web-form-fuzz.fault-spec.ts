import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { wellFormedText } from '@svara/common';
import {
  type RunningApi,
  accountForIntake,
  createWebFormChannel,
  eventually,
  startApi,
  startWorker,
} from '@svara/testing';

const VALID = { name: 'Anna', email: 'anna@example.se', message: 'Hej' };

// Bodies that can never be a valid submission: a required field is missing,
// of the wrong type, out of bounds, or an unknown field rides along.
const malformedJson = fc.oneof(
  fc.jsonValue(),
  fc.record({
    name: fc.oneof(
      fc.constant(''),
      fc.integer(),
      fc.constant(null),
      fc.string({ minLength: 201, maxLength: 400 }),
    ),
    email: fc.string(),
    message: fc.string(),
  }),
  fc
    .string()
    .filter((s) => !s.includes('@'))
    .map((email) => ({ ...VALID, email })),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue()).map((extra) => ({
    ...VALID,
    ...Object.fromEntries(
      Object.entries(extra).filter(
        ([key]) => !(key in VALID) && key !== 'subject' && key !== 'website',
      ),
    ),
    [`x${Object.keys(extra).length}`]: 1,
  })),
  fc.record({
    name: fc.string({ minLength: 1 }),
    email: fc.emailAddress(),
    message: fc.constant(''),
  }),
);

const brokenText = fc.oneof(
  fc.string().map((s) => `{${s}`),
  fc.constant('{"name": "A", "email": "a@b.se", "message": "\\ud800'),
  fc.constant('\u0000\u0001{'),
  fc.string({ unit: 'binary' }).map((s) => `[${s}`),
);

// Text of every kind a browser can send: NUL and other controls, surrogate
// halves without their pair, white space only, emoji, combining marks.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', ' ', '\t', '\n', 'å', '👋') }),
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}\ud83d`),
);
const anySubmission = fc.record(
  {
    name: anyText,
    email: fc.oneof(fc.emailAddress(), anyText),
    subject: anyText,
    message: anyText,
  },
  { requiredKeys: ['name', 'email', 'message'] },
);

describe('web-form intake under malformed input', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ FORM_RATE_LIMIT_PER_MINUTE: '1000000' }),
      startWorker(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  it('answers every malformed submission with a clear 4xx and loses no valid one among them', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const url = `/api/v1/forms/${channel.id}/submissions`;
    const statuses = new Map<number, number>();
    const accepted: string[] = [];
    const expectClearRefusal = (response: request.Response) => {
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toEqual({
        statusCode: response.status,
        error: expect.any(String),
        message: expect.any(String),
      });
    };

    let n = 0;
    const sendValid = async () => {
      const response = await request(api.server)
        .post(url)
        .send({ ...VALID, message: `Giltig fråga ${n}` })
        .expect(202);
      accepted.push(response.body.id);
    };

    await fc.assert(
      fc.asyncProperty(malformedJson, async (body) => {
        if (n++ % 30 === 0) await sendValid();
        expectClearRefusal(
          await request(api.server)
            .post(url)
            .set('content-type', 'application/json')
            .send(JSON.stringify(body)),
        );
      }),
      { numRuns: 2000 },
    );
    await fc.assert(
      fc.asyncProperty(brokenText, async (text) => {
        if (n++ % 30 === 0) await sendValid();
        expectClearRefusal(
          await request(api.server).post(url).set('content-type', 'application/json').send(text),
        );
      }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        expectClearRefusal(
          await request(api.server)
            .post(url)
            .set('content-type', 'application/x-www-form-urlencoded')
            .send(`name=${encodeURIComponent(text)}&message=`),
        );
      }),
      { numRuns: 300 },
    );
    for (const size of [300_000, 2_000_000]) {
      expectClearRefusal(
        await request(api.server)
          .post(url)
          .send({ ...VALID, message: 'x'.repeat(size) }),
      );
    }

    await eventually(
      async () => {
        const count = await api.prisma.message.count({ where: { channelId: channel.id } });
        return count >= accepted.length ? count : undefined;
      },
      { timeoutMs: 20_000, what: `${accepted.length} valid messages` },
    );
    const stored = await api.prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true },
    });
    expect(stored.map((m) => m.externalId).sort()).toEqual([...accepted].sort());
    expect([...statuses.keys()].every((status) => [400, 413, 415].includes(status))).toBe(true);
  });

  it('accepts or clearly refuses any text, and every accepted one becomes a message or a parked item', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const url = `/api/v1/forms/${channel.id}/submissions`;
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(anySubmission, fc.boolean(), async (submission, urlencoded) => {
        const call = request(api.server).post(url);
        const response = urlencoded
          ? await call
              .set('content-type', 'application/x-www-form-urlencoded')
              .send(new URLSearchParams(submission).toString())
          : await call.set('content-type', 'application/json').send(JSON.stringify(submission));
        if (response.status === 202) {
          accepted.push(response.body.id);
          return;
        }
        expect(response.status).toBe(400);
        expect(response.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.stringMatching(/\b(name|email|subject|message)\b/),
        });
      }),
      { numRuns: 2500 },
    );
    expect(accepted.length).toBeGreaterThan(100);

    const account = await accountForIntake(api.prisma, channel.id);
    expect(account.messages + account.rejected + account.parked).toBe(accepted.length);
    expect(account.reasons.every((reason) => reason.length > 0)).toBe(true);
    const stored = await api.prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true, text: true },
    });
    const acceptedIds = new Set(accepted);
    expect(stored.every((message) => acceptedIds.has(message.externalId))).toBe(true);
    expect(stored.every((message) => message.text === wellFormedText(message.text))).toBe(true);
    // Still up and ingesting.
    await request(api.server).get('/api/v1/health').expect(200);
  });
});
