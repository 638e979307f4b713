import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { UnusableItem } from '@svara/pipeline';
import { normalizeEmail } from './email-normalizer';
import type { EmailItem } from './email-item';

const CORPUS = path.resolve(__dirname, '../../../../test/fixtures/email');
const corpus = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.eml'))
  .map((file) => readFileSync(path.join(CORPUS, file)));

const itemOf = (raw: Buffer): EmailItem => ({
  mailbox: 'INBOX',
  uidValidity: '1',
  uid: 1,
  internalDate: '2026-11-21T06:00:00.000Z',
  size: raw.length,
  raw: raw.toString('base64'),
});

/** A malformed mail either becomes a message with text, or an UnusableItem with a reason. */
async function expectHandled(raw: Buffer): Promise<void> {
  try {
    const message = await normalizeEmail(itemOf(raw), 'kommun@kommun.test');
    expect(typeof message.text).toBe('string');
    expect(message.externalId.length).toBeGreaterThan(0);
    expect(Number.isNaN(message.sentAt.getTime())).toBe(false);
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableItem);
    expect((error as UnusableItem).reason.length).toBeGreaterThan(0);
  }
}

describe('normalizeEmail on malformed mail', () => {
  it('handles arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) =>
        expectHandled(Buffer.from(bytes)),
      ),
      { numRuns: 500 },
    );
  });

  it('handles real mails cut short, spliced and with bytes flipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...corpus),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.constantFrom(...corpus),
        async (mail, cutAt, flips, other) => {
          const damaged = Buffer.concat([
            mail.subarray(0, cutAt % (mail.length + 1)),
            other.subarray(cutAt % (other.length + 1)),
          ]);
          for (const [at, byte] of flips) if (damaged.length) damaged[at % damaged.length] = byte;
          await expectHandled(damaged);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles header lines of every kind of nonsense', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary' })),
          {
            maxLength: 15,
          },
        ),
        fc.string({ unit: 'binary' }),
        async (headers, body) => {
          const text = `${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${body}`;
          await expectHandled(Buffer.from(text, 'utf8'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
