import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import { jobId, OutboundMessages } from '@svara/pipeline';
import {
  createEmailChannel,
  createUser,
  Dovecot,
  eventually,
  MAILBOX_USER,
  pollAndSettle,
  SmtpReceiver,
  startWorker,
  testEnv,
  testQueue,
} from '@svara/testing';

const citizenMail = (
  id: string,
  extraHeaders = '',
  body = 'Hej! Bygglovet för garaget, hur går det?',
) =>
  `From: Sofia Lind <sofia@medborgare.test>\r\nTo: kommun@kommun.test\r\nSubject: =?utf-8?Q?Bygglov_f=C3=B6r_garage?=\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <${id}>\r\n${extraHeaders}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

/** A second shared mailbox, for the tests that give it a Sent folder. */
const REGISTRY_USER = { user: 'registrator@kommun.test', password: 'ett-annat-lösen' };

async function threadOf(prisma: PrismaService, channelId: string, externalId: string) {
  const message = await prisma.message.findUniqueOrThrow({
    where: { channelId_externalId: { channelId, externalId } },
  });
  return message.threadId;
}

describe('e-mail channel: replies', () => {
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let outbound: OutboundMessages;
  let agent: { userId: string; name: string };

  beforeAll(async () => {
    dovecot = await Dovecot.start([MAILBOX_USER, REGISTRY_USER]);
    smtp = await SmtpReceiver.start();
    worker = await startWorker();
    prisma = worker.get(PrismaService);
    outbound = worker.get(OutboundMessages);
    const user = await createUser(prisma, { role: 'AGENT' });
    agent = { userId: user.id, name: 'Handläggare Hanna' };
  });
  afterAll(async () => {
    await worker?.close();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it("sends a threaded reply, and the citizen's answer lands in the same thread", async () => {
    const channel = await createEmailChannel(prisma, dovecot, { smtpPort: smtp.port });
    await dovecot.append(MAILBOX_USER, 'INBOX', [citizenMail('first.garage@medborgare.test')]);
    await pollAndSettle(prisma, channel.id);
    const first = await prisma.message.findUniqueOrThrow({
      where: {
        channelId_externalId: { channelId: channel.id, externalId: 'first.garage@medborgare.test' },
      },
    });

    const reply = await outbound.queueReply(
      first.threadId,
      'Hej Sofia, beslut kommer på fredag.',
      agent,
    );
    const [mail] = await smtp.waitFor((m) => m.to.includes('sofia@medborgare.test'));
    const parsed = mail!.parsed;
    expect(parsed.from).toEqual({ name: channel.name, address: 'kommun@kommun.test' });
    expect(parsed.inReplyTo).toBe('<first.garage@medborgare.test>');
    expect(parsed.references).toBe('<first.garage@medborgare.test>');
    expect(parsed.subject).toMatch(/^Re: Bygglov för garage \[#[a-z0-9]{12}\]$/);
    expect(parsed.text?.trim()).toBe('Hej Sofia, beslut kommer på fredag.');
    // A person's answer: nothing that tells auto-responders to stay quiet or marks it automatic.
    expect(parsed.headers.some((h) => h.key === 'auto-submitted')).toBe(false);

    const sent = await eventually(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return row.deliveryStatus === 'SENT' ? row : undefined;
    });
    expect(`<${sent.externalId}>`).toBe(parsed.messageId);

    // The citizen answers from a proper mail program...
    await dovecot.append(MAILBOX_USER, 'INBOX', [
      citizenMail(
        'second.garage@medborgare.test',
        `In-Reply-To: ${parsed.messageId}\r\nReferences: <first.garage@medborgare.test> ${parsed.messageId}\r\n`,
        'Tack! Då väntar jag.\r\n\r\nDen 20 nov. 2026 skrev Kommunen <kommun@kommun.test>:\r\n> Hej Sofia, beslut kommer på fredag.',
      ),
    ]);
    // ...then from a webmail that keeps only the subject.
    await dovecot.append(MAILBOX_USER, 'INBOX', [
      `From: sofia@medborgare.test\r\nTo: kommun@kommun.test\r\nSubject: SV: ${parsed.subject}\r\nMessage-ID: <third.garage@medborgare.test>\r\n\r\nEn sak till: ritningen är bifogad i nästa mejl.\r\n`,
    ]);
    await pollAndSettle(prisma, channel.id);

    const thread = await prisma.thread.findUniqueOrThrow({
      where: { id: first.threadId },
      include: { messages: { orderBy: { receivedAt: 'asc' } } },
    });
    expect(thread.messages.map((m) => [m.externalId, m.direction, m.text])).toEqual([
      ['first.garage@medborgare.test', 'INBOUND', 'Hej! Bygglovet för garaget, hur går det?'],
      [sent.externalId, 'OUTBOUND', 'Hej Sofia, beslut kommer på fredag.'],
      ['second.garage@medborgare.test', 'INBOUND', 'Tack! Då väntar jag.'],
      [
        'third.garage@medborgare.test',
        'INBOUND',
        'En sak till: ritningen är bifogad i nästa mejl.',
      ],
    ]);
    expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(1);
  });

  it("an out-of-office answering Svara's reply neither reopens the thread nor counts as the citizen's reply", async () => {
    const channel = await createEmailChannel(prisma, dovecot, { smtpPort: smtp.port });
    await dovecot.append(MAILBOX_USER, 'INBOX', [citizenMail('ooo.case@medborgare.test')]);
    await pollAndSettle(prisma, channel.id);
    const first = await prisma.message.findUniqueOrThrow({
      where: {
        channelId_externalId: { channelId: channel.id, externalId: 'ooo.case@medborgare.test' },
      },
    });
    const reply = await outbound.queueReply(first.threadId, 'Ärendet är klart.', agent);
    const sent = await eventually(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return row.deliveryStatus === 'SENT' ? row : undefined;
    });
    const closedAt = new Date();
    await prisma.thread.update({
      where: { id: first.threadId },
      data: { status: 'CLOSED', closedAt },
    });
    const before = await prisma.thread.findUniqueOrThrow({ where: { id: first.threadId } });

    await dovecot.append(MAILBOX_USER, 'INBOX', [
      `From: Sofia Lind <sofia@medborgare.test>\r\nTo: kommun@kommun.test\r\nSubject: Autosvar: Re: Bygglov\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <autosvar.ooo@medborgare.test>\r\nIn-Reply-To: <${sent.externalId}>\r\nDate: ${new Date(Date.now() + 1000).toUTCString()}\r\n\r\nJag är ledig till måndag.\r\n`,
    ]);
    await pollAndSettle(prisma, channel.id);

    const after = await prisma.thread.findUniqueOrThrow({
      where: { id: first.threadId },
      include: { messages: true },
    });
    expect(after.messages.map((m) => [m.externalId, m.automatic]).sort()).toEqual(
      [
        ['autosvar.ooo@medborgare.test', true],
        ['ooo.case@medborgare.test', false],
        [sent.externalId, false],
      ].sort(),
    );
    expect(after.status).toBe('CLOSED');
    expect(after.lastInboundAt).toEqual(before.lastInboundAt);
    // Svara sends nothing on its own: the only mail out is the agent's reply.
    expect(
      smtp.mail.filter((m) => m.parsed.inReplyTo === '<autosvar.ooo@medborgare.test>'),
    ).toEqual([]);
  });

  it('shows a reply the SMTP server refuses as failed, with the reason', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) =>
        callback(Object.assign(new Error('5.7.1 Relaying denied'), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (refusing.server.address() as AddressInfo).port;
      const channel = await createEmailChannel(prisma, dovecot, { smtpPort: port });
      await dovecot.append(MAILBOX_USER, 'INBOX', [citizenMail('refused.case@medborgare.test')]);
      await pollAndSettle(prisma, channel.id);
      const first = await prisma.message.findUniqueOrThrow({
        where: {
          channelId_externalId: {
            channelId: channel.id,
            externalId: 'refused.case@medborgare.test',
          },
        },
      });
      const reply = await outbound.queueReply(first.threadId, 'Svar som inte når fram.', agent);
      const failed = await eventually(async () => {
        const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
        return row.deliveryStatus === 'FAILED' ? row : undefined;
      });
      expect(failed.deliveryError).toMatch(/^The SMTP server refused the mail: .*Relaying denied/);
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  it('retries a reply while the SMTP server is down, and sends it when it is back', async () => {
    const flaky = await SmtpReceiver.start();
    const channel = await createEmailChannel(prisma, dovecot, { smtpPort: flaky.port });
    await dovecot.append(MAILBOX_USER, 'INBOX', [citizenMail('retry.case@medborgare.test')]);
    await pollAndSettle(prisma, channel.id);
    const first = await prisma.message.findUniqueOrThrow({
      where: {
        channelId_externalId: { channelId: channel.id, externalId: 'retry.case@medborgare.test' },
      },
    });
    await flaky.stop();
    const queue = testQueue('outbound');
    try {
      const reply = await outbound.queueReply(first.threadId, 'Svar efter avbrottet.', agent);
      // The first attempt fails; the message stays queued for the retry.
      await eventually(
        async () => {
          const job = await queue.getJob(jobId.sendMessage(reply.id));
          return job && job.attemptsMade >= 1 ? job : undefined;
        },
        { timeoutMs: 15_000, what: 'a failed first attempt' },
      );
      expect(
        (await prisma.message.findUniqueOrThrow({ where: { id: reply.id } })).deliveryStatus,
      ).toBe('QUEUED');
      await flaky.listen();
      const [mail] = await flaky.waitFor(
        (m) => m.parsed.text?.includes('Svar efter avbrottet.') ?? false,
        {
          timeoutMs: 30_000,
        },
      );
      expect(mail!.to).toEqual(['sofia@medborgare.test']);
      await eventually(async () => {
        const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
        return row.deliveryStatus === 'SENT' ? row : undefined;
      });
    } finally {
      await queue.close();
      await flaky.stop();
    }
  });

  it("files the reply in the mailbox's Sent folder, found by its SPECIAL-USE flag", async () => {
    const mailbox = await dovecot.client(REGISTRY_USER);
    try {
      await mailbox.mailboxCreate('Skickat');
    } finally {
      await mailbox.logout();
    }
    const channel = await createEmailChannel(prisma, dovecot, {
      smtpPort: smtp.port,
      user: REGISTRY_USER,
    });
    await dovecot.append(REGISTRY_USER, 'INBOX', [citizenMail('sent.folder@medborgare.test')]);
    await pollAndSettle(prisma, channel.id);
    const threadId = await threadOf(prisma, channel.id, 'sent.folder@medborgare.test');

    const reply = await outbound.queueReply(
      threadId,
      'Hej Sofia, vi har tagit emot ansökan.',
      agent,
    );
    const [mail] = await smtp.waitFor(
      (m) => m.parsed.text?.includes('vi har tagit emot ansökan') ?? false,
    );
    const sent = await eventually(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return row.deliveryStatus === 'SENT' ? row : undefined;
    });

    const filed = await eventually(async () => {
      const client = await dovecot.client(REGISTRY_USER);
      try {
        await client.mailboxOpen('Skickat', { readOnly: true });
        const found = [];
        for await (const message of client.fetch('1:*', {
          envelope: true,
          flags: true,
          source: true,
        }))
          found.push(message);
        return found.length > 0 ? found : undefined;
      } finally {
        await client.logout();
      }
    });
    // The copy is the mail that went out, byte for byte, and it is marked read.
    expect(filed).toHaveLength(1);
    expect(filed[0]!.envelope?.messageId).toBe(`<${sent.externalId}>`);
    expect(filed[0]!.flags?.has('\\Seen')).toBe(true);
    expect(filed[0]!.source?.toString()).toBe(mail!.raw);

    // Filing it did not put anything new in the inbox Svara reads.
    await pollAndSettle(prisma, channel.id);
    expect(await prisma.message.count({ where: { threadId } })).toBe(2);
  });

  it('sends a reply once when the Sent folder cannot be reached, and does not create one', async () => {
    const channel = await createEmailChannel(prisma, dovecot, { smtpPort: smtp.port });
    await dovecot.append(MAILBOX_USER, 'INBOX', [citizenMail('no.sent@medborgare.test')]);
    await pollAndSettle(prisma, channel.id);
    const threadId = await threadOf(prisma, channel.id, 'no.sent@medborgare.test');
    // From now on the IMAP server refuses the channel: the copy cannot be filed.
    const secrets = new SecretBox(loadConfig(testEnv()));
    await prisma.channel.update({
      where: { id: channel.id },
      data: {
        secretsEncrypted: secrets.seal({ imapUser: MAILBOX_USER.user, imapPassword: 'fel-lösen' }),
      },
    });

    const reply = await outbound.queueReply(threadId, 'Svaret går ut ändå.', agent);
    await eventually(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return row.deliveryStatus === 'SENT' ? row : undefined;
    });
    // Give a retry, if there were one, the time to send it again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mail.filter((m) => m.parsed.text?.includes('Svaret går ut ändå.'))).toHaveLength(1);

    const client = await dovecot.client(MAILBOX_USER);
    try {
      const folders = (await client.list()).map((folder) => folder.path);
      expect(folders).not.toContain('Skickat');
    } finally {
      await client.logout();
    }
  });
});
