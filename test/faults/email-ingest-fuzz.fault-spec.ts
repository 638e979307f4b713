import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import type { EmailItem } from '@svara/channels';
import { wellFormedText } from '@svara/common';
import { PrismaService } from '@svara/database';
import { InboundBatches } from '@svara/pipeline';
import { accountForIntake, startWorker } from '@svara/testing';

const ADDRESS = 'kommun@fuzz.test';
const MAILS = 2000;
const PER_BATCH = 50;

// Header text of every kind: raw bytes, NUL, surrogate halves, encoded words
// of any charset, quoted-printable that decodes to nonsense. Line breaks are
// left out so that each mail keeps the Message-ID it was given.
const headerText = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', 'å', '€', '👋', ' ') }),
    fc.string({ maxLength: 60 }).map((s) => `=?utf-8?b?${Buffer.from(s).toString('base64')}?=`),
    fc.constantFrom(
      '=?iso-8859-1?q?=E5=00=FF?=',
      '=?utf-8?q?=ED=A0=80=00?=',
      '=?x-unknown?b?AAAA?=',
      '=?utf-8?b?broken',
      '"unterminated',
      '<>',
    ),
  )
  .map((value) => value.replace(/[\r\n]/g, ' '));

const HEADERS = [
  'To',
  'Cc',
  'Reply-To',
  'Date',
  'In-Reply-To',
  'References',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Auto-Submitted',
  'Precedence',
  'List-Id',
  'X-Fuzz',
] as const;

const body = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }).map((text) => Buffer.from(text, 'utf8')),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc
    .string({ maxLength: 400 })
    .map((text) =>
      Buffer.from(
        `--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>${text}\u0000</p><script>x</script>\r\n--b--\r\n`,
      ),
    ),
);

const mail = fc.record({
  fromName: headerText,
  from: fc.oneof(fc.emailAddress(), headerText, fc.constant(ADDRESS)),
  subject: headerText,
  headers: fc.array(fc.tuple(fc.constantFrom(...HEADERS), headerText), { maxLength: 6 }),
  body,
});

// Mail as IMAP hands it over is not what the e-mail normalizer was written
// for: every generated mail goes through the real worker's ingest and ends as
// a message, or as a rejected or parked item with its reason.
describe('e-mail ingest under generated mail', () => {
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await startWorker();
  });
  afterAll(() => worker?.close());

  it('stores or accounts for every one of 2,000 generated mails', async () => {
    const prisma = worker.get(PrismaService);
    const batches = worker.get(InboundBatches);
    const channel = await prisma.channel.create({
      data: {
        type: 'EMAIL',
        name: `Fuzz ${randomUUID().slice(0, 6)}`,
        backfillSince: new Date(),
        config: { address: ADDRESS },
      },
    });
    const mails = fc.sample(mail, { numRuns: MAILS, seed: Number(process.env.FUZZ_SEED ?? 4711) });
    const items: EmailItem[] = mails.map((generated, uid) => {
      const headers = [
        // Unique, first, and on its own line: every mail is one message at most.
        `Message-ID: <fuzz-${uid}-${channel.id}@fuzz.test>`,
        `From: "${generated.fromName}" <${generated.from}>`,
        `Subject: ${generated.subject}`,
        'MIME-Version: 1.0',
        ...generated.headers.map(([name, value]) => `${name}: ${value}`),
      ];
      const raw = Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), generated.body]);
      return {
        mailbox: 'INBOX',
        uidValidity: '1',
        uid: uid + 1,
        internalDate: new Date().toISOString(),
        size: raw.length,
        raw: raw.toString('base64'),
      };
    });
    for (let start = 0; start < items.length; start += PER_BATCH) {
      await batches.accept(channel.id, 'POLL', items.slice(start, start + PER_BATCH));
    }

    const account = await accountForIntake(prisma, channel.id, { timeoutMs: 120_000 });
    expect(account.messages + account.rejected + account.parked).toBe(MAILS);
    expect(account.reasons.every((reason) => reason.length > 0)).toBe(true);
    expect(account.messages).toBeGreaterThan(MAILS / 2);
    const stored = await prisma.message.findMany({
      where: { channelId: channel.id },
      select: { text: true, authorName: true, html: true },
    });
    for (const message of stored) {
      for (const text of [message.text, message.authorName ?? '', message.html ?? '']) {
        expect(text).toBe(wellFormedText(text));
      }
      expect(message.html ?? '').not.toMatch(/<script/i);
    }
  }, 180_000);
});
