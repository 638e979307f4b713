import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { type Channel, PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import {
  createEmailChannel,
  Dovecot,
  MAILBOX_USER,
  pollAndSettle,
  startWorker,
} from '@svara/testing';

const CORPUS = path.resolve(__dirname, '../fixtures/email');
const corpus = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.eml'))
  .sort()
  .map((file) => ({ file, raw: readFileSync(path.join(CORPUS, file)) }));

describe('e-mail channel: ingesting a mailbox', () => {
  let dovecot: Dovecot;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    dovecot = await Dovecot.start([MAILBOX_USER]);
    worker = await startWorker();
    prisma = worker.get(PrismaService);
  });
  afterAll(async () => {
    await worker?.close();
    await dovecot?.stop();
  });

  const messageOf = (channel: Channel, externalId: string) =>
    prisma.message.findUniqueOrThrow({
      where: { channelId_externalId: { channelId: channel.id, externalId } },
      include: { thread: { include: { contact: true } } },
    });

  describe('the corpus', () => {
    let channel: Channel;

    beforeAll(async () => {
      expect(corpus.length).toBeGreaterThanOrEqual(20);
      await dovecot.append(
        MAILBOX_USER,
        'INBOX',
        corpus.map((mail) => mail.raw),
      );
      channel = await createEmailChannel(prisma, dovecot);
      await pollAndSettle(prisma, channel.id);
    });

    it('stores every mail once, rejecting none', async () => {
      const batches = await prisma.inboundBatch.findMany({ where: { channelId: channel.id } });
      expect(batches.map((batch) => [batch.status, batch.rejected])).toEqual([['DONE', []]]);
      expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(corpus.length);
    });

    it('keeps a conversation in one thread: replies, references, token, answers from the mailbox', async () => {
      const start = await messageOf(channel, 'thread-1@medborgare.test');
      const thread = await prisma.thread.findUniqueOrThrow({
        where: { id: start.threadId },
        include: { messages: { orderBy: { sentAt: 'asc' } }, contact: true },
      });
      expect(thread.subject).toBe('Parkeringstillstånd');
      expect(thread.contact?.email).toBe('erik@medborgare.test');
      expect(thread.messages.map((m) => [m.externalId, m.direction, m.automatic])).toEqual([
        ['thread-1@medborgare.test', 'INBOUND', false],
        ['thread-1-reply-1@medborgare.test', 'INBOUND', false],
        ['thread-1-reply-2@medborgare.test', 'INBOUND', false],
        ['svara.abcdefghijkl@kommun.test', 'OUTBOUND', false],
        ['ooo.13@medborgare.test', 'INBOUND', true],
        ['bounce.14@mx.medborgare.test', 'INBOUND', true],
        ['webmail.20@medborgare.test', 'INBOUND', false],
      ]);
      expect(thread.messageCount).toBe(7);
      // The citizen's last own words count, not the out-of-office or the bounce.
      expect(thread.lastInboundAt).toEqual(new Date('2026-11-20T08:00:00.000Z'));
      expect(thread.messages[3]!.deliveryStatus).toBe('SENT');
    });

    it('does not merge a stranger who used the same subject', async () => {
      const stranger = await messageOf(channel, 'stranger.19@annan.test');
      const erik = await messageOf(channel, 'thread-1@medborgare.test');
      expect(stranger.threadId).not.toBe(erik.threadId);
      expect(stranger.thread.contact?.email).toBe('helena@annan.test');
    });

    it('keeps automatic mail that answers nothing known in one closed thread without a contact', async () => {
      const list = await messageOf(channel, 'list.16@leverantor.test');
      const receipt = await messageOf(channel, 'receipt.23@medborgare.test');
      expect(receipt.threadId).toBe(list.threadId);
      expect(list.thread.status).toBe('CLOSED');
      expect(list.thread.contactId).toBeNull();
      expect(list.thread.lastInboundAt).toBeNull();
      expect(await prisma.message.count({ where: { threadId: list.threadId } })).toBe(3);
    });

    it('stores what the inbox shows: decoded text, sanitized HTML, quoted history apart, attachments', async () => {
      const latin1 = await messageOf(channel, 'latin1.2@medborgare.test');
      expect(latin1.thread.subject).toBe('Fråga om bygglov för förråd');
      expect(latin1.authorName).toBe('Åsa Öberg');
      const html = await messageOf(channel, 'alternative.5@medborgare.test');
      expect(html.html).toContain('<b>Storgatan 4</b>');
      expect(html.html).not.toMatch(/script|onclick|tracker\.example/);
      const outlook = await messageOf(channel, 'outlook.21@medborgare.test');
      expect(outlook.threadId).toBe(html.threadId);
      expect(outlook.text).toBe('Nu lyser den igen, tack!');
      expect(outlook.quotedText).toContain('Vi skickar en elektriker.');
      const pdf = await messageOf(channel, 'attachment.8@medborgare.test');
      expect(pdf.attachments).toEqual([
        { filename: 'Ansökan bygglov.pdf', contentType: 'application/pdf', size: 3016 },
      ]);
    });

    it('threads count: one per conversation, plus the automatic-mail thread', async () => {
      expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(15);
    });

    it('polling again stores nothing twice, even when the same mails arrive again', async () => {
      await pollAndSettle(prisma, channel.id);
      expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(1);

      // The same mails delivered a second time (new UIDs), including those without a Message-ID.
      await dovecot.append(
        MAILBOX_USER,
        'INBOX',
        corpus.map((mail) => mail.raw),
      );
      await pollAndSettle(prisma, channel.id);
      const batches = await prisma.inboundBatch.findMany({ where: { channelId: channel.id } });
      expect(batches.map((batch) => batch.itemCount)).toEqual([corpus.length, corpus.length]);
      expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(corpus.length);
      expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(15);
    });
  });

  it('reads a mailbox whose UIDVALIDITY changed again, without losing or duplicating mail', async () => {
    const mail = (n: number) =>
      `From: Vera <vera@medborgare.test>\r\nTo: kommun@kommun.test\r\nSubject: Fråga ${n}\r\nMessage-ID: <uidvalidity.${n}@medborgare.test>\r\nDate: Sat, 21 Nov 2026 10:0${n}:00 +0100\r\n\r\nFråga nummer ${n}\r\n`;
    const imap = await dovecot.client(MAILBOX_USER);
    await imap.mailboxCreate('Arkiv');
    await imap.logout();
    await dovecot.append(MAILBOX_USER, 'Arkiv', [1, 2, 3].map(mail));
    const channel = await createEmailChannel(prisma, dovecot, { mailbox: 'Arkiv' });
    await pollAndSettle(prisma, channel.id);
    const before = (await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } }))
      .cursor as {
      mailboxes: Record<string, { uidValidity: string; lastUid: number }>;
    };

    // The server's mailbox is rebuilt: same mails, new UIDs, a new UIDVALIDITY, and new mail.
    const rebuild = await dovecot.client(MAILBOX_USER);
    await rebuild.mailboxDelete('Arkiv');
    await rebuild.mailboxCreate('Arkiv');
    const status = await rebuild.status('Arkiv', { uidValidity: true });
    await rebuild.logout();
    expect(String(status && status.uidValidity)).not.toBe(before.mailboxes.Arkiv!.uidValidity);
    await dovecot.append(MAILBOX_USER, 'Arkiv', [1, 2, 3, 4, 5].map(mail));

    await pollAndSettle(prisma, channel.id);
    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      orderBy: { sentAt: 'asc' },
    });
    expect(messages.map((m) => m.externalId)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `uidvalidity.${n}@medborgare.test`),
    );
    const after = (await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } }))
      .cursor as {
      mailboxes: Record<string, { uidValidity: string; lastUid: number }>;
    };
    expect(after.mailboxes.Arkiv).toEqual({
      uidValidity: String(status && status.uidValidity),
      lastUid: 5,
    });
  });

  it('starts at the backfill date on the first poll', async () => {
    const imap = await dovecot.client(MAILBOX_USER);
    await imap.mailboxCreate('Backfill');
    await imap.logout();
    const old = `From: a@medborgare.test\r\nTo: kommun@kommun.test\r\nSubject: Gammalt\r\nMessage-ID: <old.backfill@medborgare.test>\r\n\r\nGammalt\r\n`;
    const recent = `From: a@medborgare.test\r\nTo: kommun@kommun.test\r\nSubject: Nytt\r\nMessage-ID: <new.backfill@medborgare.test>\r\n\r\nNytt\r\n`;
    await dovecot.append(MAILBOX_USER, 'Backfill', [old], new Date('2026-03-01T10:00:00Z'));
    await dovecot.append(MAILBOX_USER, 'Backfill', [recent], new Date('2026-11-20T10:00:00Z'));
    const channel = await createEmailChannel(prisma, dovecot, {
      mailbox: 'Backfill',
      backfillSince: new Date('2026-11-01T00:00:00Z'),
    });
    await pollAndSettle(prisma, channel.id);
    const stored = await prisma.message.findMany({ where: { channelId: channel.id } });
    expect(stored.map((m) => m.externalId)).toEqual(['new.backfill@medborgare.test']);
  });

  it('stops polling with a clear reason when the password is wrong', async () => {
    const channel = await createEmailChannel(prisma, dovecot);
    await prisma.channel.update({
      where: { id: channel.id },
      data: {
        secretsEncrypted: worker
          .get(SecretBox)
          .seal({ imapUser: MAILBOX_USER.user, imapPassword: 'wrong password' }),
      },
    });
    await pollAndSettle(prisma, channel.id);
    const after = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after.health).toBe('UNHEALTHY');
    expect(after.lastError).toBe('The IMAP server refused the user name or password');
  });
});
