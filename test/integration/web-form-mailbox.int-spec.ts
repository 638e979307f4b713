import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  createEmailChannel,
  createUser,
  Dovecot,
  eventually,
  login,
  MAILBOX_USER,
  pollAndSettle,
  type RunningApi,
  SmtpReceiver,
  startApi,
  startWorker,
} from '@svara/testing';

/** A second shared mailbox: the one a form does not answer through. */
const REGISTRY_USER = { user: 'registrator@kommun.test', password: 'ett-annat-lösen' };
/** A mailbox that stays empty, so its channel has no threads of its own. */
const DESK_USER = { user: 'kundtjanst@kommun.test', password: 'ett-tredje-lösen' };
const MAIL_FROM = 'svara@kommun.test';

const answer = (
  id: string,
  {
    subject,
    headers = '',
    body,
    secondsLater = 2,
  }: { subject: string; headers?: string; body: string; secondsLater?: number },
) =>
  // Dated after the reply it answers, whose time has milliseconds a Date header lacks.
  `From: Sofia Lind <sofia@medborgare.test>\r\nTo: kommun@kommun.test\r\nSubject: ${subject}\r\nDate: ${new Date(Date.now() + secondsLater * 1000).toUTCString()}\r\nMessage-ID: <${id}>\r\n${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

interface ThreadView {
  id: string;
  channelId: string;
  channelType: string;
  messages: { id: string; direction: string; externalId: string; text: string }[];
}

describe('web form answering through an e-mail channel', () => {
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let auth: string;

  beforeAll(async () => {
    dovecot = await Dovecot.start([MAILBOX_USER, REGISTRY_USER, DESK_USER]);
    smtp = await SmtpReceiver.start();
    const env = { SMTP_URL: smtp.url, MAIL_FROM };
    [api, worker] = await Promise.all([
      startApi({ ...env, FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startWorker(env),
    ]);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
    const mailbox = await dovecot.client(MAILBOX_USER);
    try {
      await mailbox.mailboxCreate('Skickat');
    } finally {
      await mailbox.logout();
    }
  });

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await smtp?.stop();
    await dovecot?.stop();
  });

  const createForm = (config: Record<string, unknown>) =>
    request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ type: 'WEB_FORM', name: `Kontakta oss ${randomUUID().slice(0, 6)}`, config });

  const submit = async (formId: string, subject: string) => {
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${formId}/submissions`)
      .send({
        name: 'Sofia Lind',
        email: 'sofia@medborgare.test',
        subject,
        message: 'Hej! Hur går det med bygglovet för garaget?',
      })
      .expect(202);
    return eventually(
      async () =>
        (await api.prisma.thread.findFirst({
          where: { channelId: formId, externalId: accepted.body.id as string },
        })) ?? undefined,
      { what: 'the submission to become a thread' },
    );
  };

  const reply = async (threadId: string, text: string) => {
    const queued = await request(api.server)
      .post(`/api/v1/threads/${threadId}/replies`)
      .set('authorization', auth)
      .send({ text })
      .expect(201);
    const [mail] = await smtp.waitFor((m) => m.parsed.text?.includes(text) ?? false);
    const sent = await eventually(
      async () => {
        const row = await api.prisma.message.findUniqueOrThrow({
          where: { id: queued.body.id as string },
        });
        return row.deliveryStatus === 'SENT' ? row : undefined;
      },
      { what: 'the reply to be marked sent' },
    );
    return { mail: mail!, sent };
  };

  const threadView = async (threadId: string): Promise<ThreadView> =>
    (
      await request(api.server)
        .get(`/api/v1/threads/${threadId}`)
        .set('authorization', auth)
        .expect(200)
    ).body;

  /** A form answering through a fresh channel on the test mailbox, and a submission replied to. */
  const answeredSubmission = async (subject: string, user = MAILBOX_USER) => {
    const mailbox = await createEmailChannel(api.prisma, dovecot, { smtpPort: smtp.port, user });
    // The mailbox's earlier mail is read on its first poll; what the tests deliver comes after.
    await pollAndSettle(api.prisma, mailbox.id);
    const form = (await createForm({ replyChannelId: mailbox.id }).expect(201)).body as {
      id: string;
    };
    const thread = await submit(form.id, subject);
    return { mailbox, form, thread };
  };

  it("sends the reply from the mailbox with the thread token, files it in Sent, and puts the citizen's answer in the form's thread", async () => {
    const { mailbox, form, thread } = await answeredSubmission('Bygglov för garage');
    const stored = await request(api.server)
      .get(`/api/v1/channels/${form.id}`)
      .set('authorization', auth)
      .expect(200);
    expect(stored.body.config).toEqual({ replyChannelId: mailbox.id });

    const { mail, sent } = await reply(thread.id, 'Hej Sofia, beslut kommer på fredag.');
    expect(mail.to).toEqual(['sofia@medborgare.test']);
    expect(mail.from).toBe('kommun@kommun.test');
    expect(mail.parsed.from).toEqual({ name: mailbox.name, address: 'kommun@kommun.test' });
    expect(mail.parsed.subject).toMatch(/^Re: Bygglov för garage \[#[a-z0-9]{12}\]$/);
    // A submission's id is no Message-ID: the first reply answers no mail.
    expect(mail.parsed.inReplyTo).toBeUndefined();
    expect(mail.parsed.messageId).toBe(`<${sent.externalId}>`);
    expect(smtp.mail.filter((m) => m.from === MAIL_FROM)).toEqual([]);

    const filed = await eventually(async () => {
      const client = await dovecot.client(MAILBOX_USER);
      try {
        await client.mailboxOpen('Skickat', { readOnly: true });
        const found: string[] = [];
        for await (const message of client.fetch('1:*', { source: true }))
          if (message.source?.toString() === mail.raw) found.push(message.source.toString());
        return found.length > 0 ? found : undefined;
      } finally {
        await client.logout();
      }
    });
    expect(filed).toHaveLength(1);

    // The citizen answers from a mail program, then from a webmail that keeps only the subject.
    await dovecot.append(MAILBOX_USER, 'INBOX', [
      answer('svar1.garage@medborgare.test', {
        subject: `SV: ${mail.parsed.subject}`,
        headers: `In-Reply-To: ${mail.parsed.messageId}\r\nReferences: ${mail.parsed.messageId}\r\n`,
        body: 'Tack! Då väntar jag.\r\n\r\nDen 6 dec. 2026 skrev Kommunen <kommun@kommun.test>:\r\n> Hej Sofia, beslut kommer på fredag.',
      }),
      answer('svar2.garage@medborgare.test', {
        subject: `Re: ${mail.parsed.subject}`,
        body: 'En sak till: ritningen kommer i nästa mejl.',
        secondsLater: 3,
      }),
    ]);
    await pollAndSettle(api.prisma, mailbox.id);

    const view = await threadView(thread.id);
    expect(view).toMatchObject({ channelId: form.id, channelType: 'WEB_FORM' });
    expect(view.messages.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Hej! Hur går det med bygglovet för garaget?'],
      ['OUTBOUND', 'Hej Sofia, beslut kommer på fredag.'],
      ['INBOUND', 'Tack! Då väntar jag.'],
      ['INBOUND', 'En sak till: ritningen kommer i nästa mejl.'],
    ]);
    expect(await api.prisma.thread.count({ where: { channelId: mailbox.id } })).toBe(0);

    // The next reply answers the citizen's latest mail, and goes the same way.
    const second = await reply(thread.id, 'Ritningen har kommit fram, tack.');
    expect(second.mail.parsed.inReplyTo).toBe('<svar2.garage@medborgare.test>');
    expect(second.mail.parsed.references).toContain(mail.parsed.messageId);
    expect(second.mail.from).toBe('kommun@kommun.test');
  });

  it("a forged token, or a reply's token sent to another mailbox, does not reach the form's thread", async () => {
    const { mailbox, thread } = await answeredSubmission('Parkeringstillstånd');
    const { mail } = await reply(thread.id, 'Ansökan är mottagen.');
    const token = /\[#([a-z0-9]{12})\]/.exec(mail.parsed.subject ?? '')![1]!;
    const registry = await createEmailChannel(api.prisma, dovecot, {
      smtpPort: smtp.port,
      user: REGISTRY_USER,
    });
    await pollAndSettle(api.prisma, registry.id);

    await dovecot.append(MAILBOX_USER, 'INBOX', [
      answer('forged.token@medborgare.test', {
        subject: 'SV: Parkeringstillstånd [#0a1b2c3d4e5f]',
        headers: 'In-Reply-To: <svara.0a1b2c3d4e5f@kommun.test>\r\n',
        body: 'Ett påhittat svar.',
      }),
    ]);
    // The real token and Message-ID, but in a mailbox the form does not answer through.
    await dovecot.append(REGISTRY_USER, 'INBOX', [
      answer('other.mailbox@medborgare.test', {
        subject: `SV: Parkeringstillstånd [#${token}]`,
        headers: `In-Reply-To: ${mail.parsed.messageId}\r\n`,
        body: 'Fel brevlåda.',
      }),
    ]);
    await Promise.all([
      pollAndSettle(api.prisma, mailbox.id),
      pollAndSettle(api.prisma, registry.id),
    ]);

    const view = await threadView(thread.id);
    expect(view.messages.map((m) => m.text)).toEqual([
      'Hej! Hur går det med bygglovet för garaget?',
      'Ansökan är mottagen.',
    ]);
    // Each mail opened a thread of its own in the mailbox it came to.
    for (const [channelId, externalId] of [
      [mailbox.id, 'forged.token@medborgare.test'],
      [registry.id, 'other.mailbox@medborgare.test'],
    ] as const) {
      const stored = await api.prisma.message.findUniqueOrThrow({
        where: { channelId_externalId: { channelId, externalId } },
        include: { thread: true },
      });
      expect(stored.thread.channelId).toBe(channelId);
      expect(stored.threadId).not.toBe(thread.id);
    }
  });

  it('takes only an existing e-mail channel, keeps it while a form uses it, and without it replies from MAIL_FROM', async () => {
    const unknown = await createForm({ replyChannelId: randomUUID() }).expect(400);
    expect(unknown.body.message).toBe('config.replyChannelId: there is no such channel');
    const other = (await createForm({}).expect(201)).body as { id: string };
    const notMail = await createForm({ replyChannelId: other.id }).expect(400);
    expect(notMail.body.message).toBe(
      'config.replyChannelId: it is a WEB_FORM channel, not an e-mail channel',
    );
    const garbled = await createForm({ replyChannelId: 'kommun@kommun.test' }).expect(400);
    expect(garbled.body.message).toBe('config.replyChannelId must be the id of an e-mail channel');
    const patched = await request(api.server)
      .patch(`/api/v1/channels/${other.id}`)
      .set('authorization', auth)
      .send({ config: { replyChannelId: randomUUID() } })
      .expect(400);
    expect(patched.body.message).toBe('config.replyChannelId: there is no such channel');

    const { mailbox, form, thread } = await answeredSubmission('Snöröjning', DESK_USER);
    const refused = await request(api.server)
      .delete(`/api/v1/channels/${mailbox.id}`)
      .set('authorization', auth)
      .expect(409);
    expect(refused.body.message).toContain('sends its replies through this mailbox');

    await request(api.server)
      .patch(`/api/v1/channels/${form.id}`)
      .set('authorization', auth)
      .send({ config: {} })
      .expect(200);
    const { mail } = await reply(thread.id, 'Vi plogar i eftermiddag.');
    expect(mail.from).toBe(MAIL_FROM);
    expect(mail.to).toEqual(['sofia@medborgare.test']);
    expect(mail.parsed.subject).toBe('Re: Snöröjning');
    await request(api.server)
      .delete(`/api/v1/channels/${mailbox.id}`)
      .set('authorization', auth)
      .expect(204);
  });
});
