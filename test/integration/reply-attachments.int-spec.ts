import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import sharp from 'sharp';
import request from 'supertest';
import { type Channel, PrismaService } from '@svara/database';
import {
  createEmailChannel,
  createTeam,
  createUser,
  Dovecot,
  eventually,
  login,
  pollAndSettle,
  type RunningApi,
  SmtpReceiver,
  startApi,
  startWorker,
} from '@svara/testing';
import {
  FAULTS,
  FakeGraphServer,
  type RecordedRequest,
  type UploadedPart,
} from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

const MB = 1024 * 1024;
const MAILBOX = { user: 'bygglov@kommun.test', password: 'ett-lösen-för-bygglov' };

const citizenMail = (messageId: string) =>
  `From: Sofia Lind <sofia@medborgare.test>\r\nTo: ${MAILBOX.user}\r\nSubject: Ritningar\r\n` +
  `Date: ${new Date().toUTCString()}\r\nMessage-ID: <${messageId}>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\nVilka ritningar behöver ni?\r\n`;

const picture = (format: 'png' | 'jpeg') =>
  sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    [format]()
    .toBuffer();

const pdfOf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(bytes), Buffer.from('\n%%EOF\n')]);

describe('replies with files', () => {
  const fake = new FakeGraphServer();
  let dovecot: Dovecot;
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let teamId: string;
  let agent: string;
  let stranger: string;

  beforeAll(async () => {
    await fake.listen();
    [dovecot, smtp] = await Promise.all([Dovecot.start([MAILBOX]), SmtpReceiver.start()]);
    const env = {
      META_GRAPH_URL: fake.url,
      META_GRAPH_VERSION: fake.version,
      ATTACHMENT_MAX_FILE_BYTES: String(2 * MB),
      ATTACHMENT_MAX_MESSAGE_BYTES: String(3 * MB),
    };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    prisma = worker.get(PrismaService);
    const [team, other] = await Promise.all([createTeam(prisma), createTeam(prisma)]);
    teamId = team.id;
    const [member, outsider] = await Promise.all([
      createUser(prisma, { role: 'AGENT', teamIds: [team.id] }),
      createUser(prisma, { role: 'AGENT', teamIds: [other.id] }),
    ]);
    [agent, stranger] = await Promise.all([login(api, member.email), login(api, outsider.email)]);
    const mailbox = await dovecot.client(MAILBOX);
    try {
      await mailbox.mailboxCreate('Skickat');
    } finally {
      await mailbox.logout();
    }
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await Promise.all([smtp?.stop(), dovecot?.stop(), fake.close()]);
  });

  const replyWith = (
    auth: string,
    threadId: string,
    text: string,
    files: { name: string; bytes: Buffer; type?: string }[],
  ) => {
    const call = request(api.server)
      .post(`/api/v1/threads/${threadId}/replies`)
      .set('Authorization', auth)
      .field('text', text);
    for (const file of files)
      call.attach('files', file.bytes, { filename: file.name, contentType: file.type });
    return call;
  };

  const sentRow = (id: string) =>
    eventually(
      async () => {
        const row = await prisma.message.findUniqueOrThrow({
          where: { id },
          include: { storedAttachments: { orderBy: { n: 'asc' } } },
        });
        expect(row.deliveryStatus).not.toBe('FAILED');
        return row.deliveryStatus === 'SENT' ? row : undefined;
      },
      { timeoutMs: 30_000, what: 'the reply to be sent' },
    );

  describe('by e-mail', () => {
    let channel: Channel;
    let threadId: string;

    beforeAll(async () => {
      const created = await createEmailChannel(prisma, dovecot, {
        smtpPort: smtp.port,
        user: MAILBOX,
      });
      channel = await prisma.channel.update({ where: { id: created.id }, data: { teamId } });
      await dovecot.append(MAILBOX, 'INBOX', [citizenMail('ritningar@medborgare.test')]);
      await pollAndSettle(prisma, channel.id);
      threadId = (
        await prisma.message.findUniqueOrThrow({
          where: {
            channelId_externalId: {
              channelId: channel.id,
              externalId: 'ritningar@medborgare.test',
            },
          },
        })
      ).threadId;
    });

    it('sends both files with the mail, files it in Sent and keeps them downloadable', async () => {
      const png = await picture('png');
      const pdf = pdfOf(200_000);
      const created = await replyWith(agent, threadId, 'Bifogar blanketten och en skiss.', [
        { name: 'skiss.png', bytes: png, type: 'image/png' },
        // The browser's guess is wrong; the bytes say what it is.
        { name: 'blankett för bygglov.pdf', bytes: pdf, type: 'application/octet-stream' },
      ]).expect(201);
      expect(created.body.attachments).toEqual([
        { filename: 'skiss.png', contentType: 'image/png', size: png.length },
        { filename: 'blankett för bygglov.pdf', contentType: 'application/pdf', size: pdf.length },
      ]);

      const [mail] = await smtp.waitFor(
        (m) => m.parsed.text?.includes('Bifogar blanketten') ?? false,
      );
      const files = mail!.parsed.attachments.map((file) => [
        file.filename,
        file.mimeType,
        Buffer.from(file.content as ArrayBuffer).toString('base64'),
      ]);
      expect(files).toEqual([
        ['skiss.png', 'image/png', png.toString('base64')],
        ['blankett för bygglov.pdf', 'application/pdf', pdf.toString('base64')],
      ]);
      await sentRow(created.body.id as string);

      const filed = await eventually(async () => {
        const client = await dovecot.client(MAILBOX);
        try {
          await client.mailboxOpen('Skickat', { readOnly: true });
          const found: string[] = [];
          for await (const message of client.fetch('1:*', { source: true }))
            found.push(message.source!.toString());
          return found.length > 0 ? found : undefined;
        } finally {
          await client.logout();
        }
      });
      expect(filed).toEqual([mail!.raw]);

      const served = await request(api.server)
        .get(`/api/v1/threads/${threadId}/messages/${created.body.id}/attachments/1`)
        .set('Authorization', agent)
        .responseType('blob')
        .expect(200);
      expect(Buffer.compare(served.body as Buffer, pdf)).toBe(0);
      expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('refuses a file over the limit, and files that are too large together, sending nothing', async () => {
      const before = smtp.mail.length;
      const tooLarge = await replyWith(agent, threadId, 'För stor.', [
        { name: 'stor.pdf', bytes: pdfOf(3 * MB) },
      ]).expect(413);
      expect(tooLarge.body.message).toBe('A file is larger than the 2 MB a file may be');

      const together = await replyWith(agent, threadId, 'Tillsammans för stora.', [
        { name: 'del-1.pdf', bytes: pdfOf(1.8 * MB) },
        { name: 'del-2.pdf', bytes: pdfOf(1.8 * MB) },
      ]).expect(422);
      expect(together.body.message).toBe(
        'The files together are larger than the 3 MB a reply may carry',
      );

      const program = await replyWith(agent, threadId, 'Ett program.', [
        { name: 'faktura.exe', bytes: Buffer.concat([Buffer.from('MZ'), randomBytes(500)]) },
      ]).expect(422);
      expect(program.body.message).toMatch(/^faktura\.exe is of a type that is not sent/);

      const many = Array.from({ length: 11 }, (_, i) => ({
        name: `bild-${i}.pdf`,
        bytes: pdfOf(100),
      }));
      const tooMany = await replyWith(agent, threadId, 'Många.', many).expect(422);
      expect(tooMany.body.message).toBe('A reply carries at most 10 files, in the field "files"');

      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.mail.length).toBe(before);
      expect(
        await prisma.message.count({
          where: { threadId, text: { in: ['För stor.', 'Ett program.'] } },
        }),
      ).toBe(0);
    });

    it('is not open to an agent of another team', async () => {
      await replyWith(stranger, threadId, 'Fel team.', [
        { name: 'skiss.png', bytes: await picture('png') },
      ]).expect(404);
      expect(await prisma.message.count({ where: { threadId, text: 'Fel team.' } })).toBe(0);
    });
  });

  describe('on Messenger', () => {
    const person = { id: '7300000000000091', name: 'Karin Berg' };

    async function messengerThread() {
      const page = fake.store.addPage({ name: 'Filkommunen' });
      fake.store.receiveMessage(page.id, person, 'Kan ni skicka kartan?', new Date());
      const channel = await createMetaChannel(worker, page);
      await prisma.channel.update({ where: { id: channel.id }, data: { teamId } });
      await pollNow(worker, channel.id);
      const thread = await prisma.thread.findFirstOrThrow({ where: { channelId: channel.id } });
      return { page, channel, thread };
    }

    /** The file a Send API call uploaded, if any. */
    const uploaded = (write: RecordedRequest) =>
      (write.body as { filedata?: UploadedPart } | undefined)?.filedata;
    const uploadsTo = (pageId: string) =>
      fake.writes.filter((w) => w.path.endsWith(`/${pageId}/messages`) && uploaded(w));

    it('uploads the image as a message of its own before the text, and a poll shows it once', async () => {
      const { page, channel, thread } = await messengerThread();
      const jpeg = await picture('jpeg');
      const created = await replyWith(agent, thread.id, 'Här är kartan.', [
        { name: 'karta.jpg', bytes: jpeg, type: 'image/jpeg' },
      ]).expect(201);
      const sent = await sentRow(created.body.id as string);

      const writes = fake.writes.filter((w) => w.path.endsWith(`/${page.id}/messages`));
      expect(writes).toHaveLength(2);
      const [upload, text] = writes;
      expect(upload!.body).toMatchObject({
        recipient: { id: person.id },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'image', payload: { is_reusable: false } } },
        filedata: { filename: 'karta.jpg', type: 'image/jpeg' },
      });
      expect(Buffer.compare(uploaded(upload!)!.bytes, jpeg)).toBe(0);
      expect(text!.body).toEqual({
        recipient: { id: person.id },
        messaging_type: 'RESPONSE',
        message: { text: 'Här är kartan.' },
      });

      const conversation = fake.store.conversationWith(page.id, person.id)!;
      const [fileMessage, textMessage] = conversation.messages.slice(-2);
      expect(sent.externalId).toBe(textMessage!.id);
      expect(sent.storedAttachments.map((file) => file.sentExternalId)).toEqual([fileMessage!.id]);

      // The poll reads both back as the Page's own messages: the reply shows once, with its file.
      await pollNow(worker, channel.id);
      const messages = await prisma.message.findMany({
        where: { threadId: thread.id },
        orderBy: { sentAt: 'asc' },
      });
      expect(messages.map((m) => [m.direction, m.text])).toEqual([
        ['INBOUND', 'Kan ni skicka kartan?'],
        ['OUTBOUND', 'Här är kartan.'],
      ]);
    });

    it('sends the file once when the text fails and is retried', async () => {
      const { page, thread } = await messengerThread();
      fake.failNext(FAULTS.serverError(), {
        where: (r) => r.path.endsWith(`/${page.id}/messages`),
        skip: 1,
      });
      const created = await replyWith(agent, thread.id, 'Kartan igen.', [
        { name: 'karta.png', bytes: await picture('png'), type: 'image/png' },
      ]).expect(201);
      await sentRow(created.body.id as string);

      expect(uploadsTo(page.id)).toHaveLength(1);
      const texts = fake.writes.filter(
        (w) => w.path.endsWith(`/${page.id}/messages`) && !uploaded(w),
      );
      expect(texts.map((w) => w.status)).toEqual([500, 200]);
      const conversation = fake.store.conversationWith(page.id, person.id)!;
      expect(conversation.messages).toHaveLength(3);
    });

    it('refuses files on a public comment, saying where they can go', async () => {
      const page = fake.store.addPage({ name: 'Kommentarskommunen' });
      const post = fake.store.addPost(page.id, 'Ny karta över cykelvägar', new Date());
      const comment = fake.store.addComment(
        post.id,
        { id: '9300000000000091', name: 'Per' },
        'Finns den som PDF?',
        { at: new Date() },
      );
      const channel = await createMetaChannel(worker, page);
      await prisma.channel.update({ where: { id: channel.id }, data: { teamId } });
      await pollNow(worker, channel.id);
      const thread = await prisma.thread.findFirstOrThrow({
        where: { channelId: channel.id, externalId: `comment:${comment.id}` },
      });

      const refused = await replyWith(agent, thread.id, 'Här.', [
        { name: 'karta.pdf', bytes: pdfOf(1000) },
      ]).expect(422);
      expect(refused.body.message).toBe(
        'karta.pdf: A reply to a public comment cannot carry files; send them in a private message instead',
      );
      expect(fake.writes.filter((w) => w.path.includes(comment.id))).toEqual([]);
    });
  });
});
