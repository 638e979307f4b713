import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import sharp from 'sharp';
import request from 'supertest';
import { BLOB_STORE, type BlobStore, blobKeyOf } from '@svara/blobs';
import { type Channel, PrismaService } from '@svara/database';
import {
  createEmailChannel,
  createTeam,
  createUser,
  Dovecot,
  eventually,
  login,
  MAILBOX_USER,
  pollAndSettle,
  type RunningApi,
  startApi,
  startWorker,
  unzip,
} from '@svara/testing';
import { FakeGraphServer } from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

const SANDBOX_CSP = "sandbox; default-src 'none'";

/** A mail with the given attachments, base64 in lines of 76 as mail clients write them. */
function mailWith(
  messageId: string,
  files: { filename: string; type: string; bytes: Buffer }[],
  text = 'Se bifogade filer.',
  from = 'Sara Lind <sara@medborgare.test>',
): string {
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const parts = files.map(
    ({ filename, type, bytes }) =>
      `--${boundary}\r\nContent-Type: ${type}; name="${filename}"\r\n` +
      `Content-Disposition: attachment; filename="${filename}"\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n` +
      `${bytes.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  return (
    `From: ${from}\r\nTo: ${MAILBOX_USER.user}\r\n` +
    `Subject: Trasig gatlampa\r\nMessage-ID: <${messageId}>\r\n` +
    `Date: Sat, 21 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n` +
    `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n` +
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n` +
    `${parts.join('')}--${boundary}--\r\n`
  );
}

const picture = (width: number, height: number, format: 'png' | 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    [format]()
    .toBuffer();

describe('attachments: stored at ingest, served with the thread’s access rules', () => {
  const fake = new FakeGraphServer();
  let dovecot: Dovecot;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let agent: string;
  let stranger: string;

  beforeAll(async () => {
    await fake.listen();
    dovecot = await Dovecot.start([MAILBOX_USER]);
    const meta = { META_GRAPH_URL: fake.url, META_GRAPH_VERSION: fake.version };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
    const [team, other] = await Promise.all([createTeam(prisma), createTeam(prisma)]);
    const [member, outsider] = await Promise.all([
      createUser(prisma, { role: 'AGENT', teamIds: [team.id] }),
      createUser(prisma, { role: 'AGENT', teamIds: [other.id] }),
    ]);
    agent = await login(api, member.email);
    stranger = await login(api, outsider.email);
    teamId = team.id;
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await dovecot?.stop();
    await fake.close();
  });
  let teamId: string;

  async function mailChannel(): Promise<Channel> {
    const channel = await createEmailChannel(prisma, dovecot, {
      mailbox: `M${randomBytes(3).toString('hex')}`,
    });
    return prisma.channel.update({ where: { id: channel.id }, data: { teamId } });
  }

  async function mailbox(channel: Channel, mails: string[]) {
    const imap = await dovecot.client(MAILBOX_USER);
    const config = channel.config as { mailbox: string };
    await imap.mailboxCreate(config.mailbox);
    await imap.logout();
    await dovecot.append(MAILBOX_USER, config.mailbox, mails);
    await pollAndSettle(prisma, channel.id, { timeoutMs: 60_000 });
  }

  const messageOf = (channel: Channel, externalId: string) =>
    prisma.message.findUniqueOrThrow({
      where: { channelId_externalId: { channelId: channel.id, externalId } },
    });

  const fileUrl = (message: { threadId: string; id: string }, n: number, query = '') =>
    `/api/v1/threads/${message.threadId}/messages/${message.id}/attachments/${n}${query}`;

  const fetchFile = (auth: string, url: string) =>
    request(api.server).get(url).set('Authorization', auth).responseType('blob');

  describe('an e-mail with two attachments', () => {
    let channel: Channel;
    let png: Buffer;
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      randomBytes(40_000),
      Buffer.from('\n%%EOF\n'),
    ]);

    beforeAll(async () => {
      png = await picture(1200, 800, 'png');
      channel = await mailChannel();
      await mailbox(channel, [
        mailWith('two-files@medborgare.test', [
          // Named and labelled a JPEG; its bytes are a PNG.
          { filename: 'gatlampa.jpg', type: 'image/jpeg', bytes: png },
          { filename: 'Ansökan bygglov.pdf', type: 'application/pdf', bytes: pdf },
        ]),
      ]);
    });

    it('lists both in the thread, as stored, with the type their bytes show', async () => {
      const message = await messageOf(channel, 'two-files@medborgare.test');
      const thread = await request(api.server)
        .get(`/api/v1/threads/${message.threadId}`)
        .set('Authorization', agent)
        .expect(200);
      const [listed] = (thread.body as { messages: { storedAttachments: unknown[] }[] }).messages;
      expect(listed!.storedAttachments).toEqual([
        {
          n: 0,
          filename: 'gatlampa.jpg',
          contentType: 'image/png',
          size: png.length,
          state: 'STORED',
          leftOutReason: null,
          thumbnail: true,
        },
        {
          n: 1,
          filename: 'Ansökan bygglov.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
          state: 'STORED',
          leftOutReason: null,
          thumbnail: false,
        },
      ]);
    });

    it('serves the image inline as what it is, and the PDF as a download, both sandboxed', async () => {
      const message = await messageOf(channel, 'two-files@medborgare.test');
      const image = await fetchFile(agent, fileUrl(message, 0)).expect(200);
      expect(Buffer.compare(image.body as Buffer, png)).toBe(0);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['content-disposition']).toMatch(/^inline; filename="gatlampa.jpg"/);
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['content-security-policy']).toBe(SANDBOX_CSP);

      const file = await fetchFile(agent, fileUrl(message, 1)).expect(200);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="Ansokan bygglov.pdf"; filename*=UTF-8''Ans%C3%B6kan%20bygglov.pdf`,
      );
      expect(file.headers['content-security-policy']).toBe(SANDBOX_CSP);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    });

    it('makes a thumbnail of the image once, kept in the blob store', async () => {
      const message = await messageOf(channel, 'two-files@medborgare.test');
      const thumb = await fetchFile(agent, fileUrl(message, 0, '?size=thumb')).expect(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const { width, height, format } = await sharp(thumb.body as Buffer).metadata();
      expect([format, width, height]).toEqual(['webp', 320, 213]);
      const row = await prisma.messageAttachment.findFirstOrThrow({
        where: { messageId: message.id, n: 0 },
      });
      expect(row.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
      const again = await fetchFile(agent, fileUrl(message, 0, '?size=thumb')).expect(200);
      expect(Buffer.compare(again.body as Buffer, thumb.body as Buffer)).toBe(0);
      await fetchFile(agent, fileUrl(message, 1, '?size=thumb')).expect(404);
    });

    it('is not there for an agent of another team', async () => {
      const message = await messageOf(channel, 'two-files@medborgare.test');
      await fetchFile(stranger, fileUrl(message, 0)).expect(404);
      await fetchFile(stranger, fileUrl(message, 0, '?size=thumb')).expect(404);
      await fetchFile(stranger, fileUrl(message, 1)).expect(404);
      await fetchFile(agent, fileUrl(message, 2)).expect(404);
    });

    it('are in the person’s GDPR export package, byte for byte, with their sums', async () => {
      const message = await messageOf(channel, 'two-files@medborgare.test');
      const { contactId } = await prisma.thread.findUniqueOrThrow({
        where: { id: message.threadId },
      });
      const admin = await createUser(prisma, { role: 'ADMIN' });
      const response = await request(api.server)
        .get(`/api/v1/contacts/${contactId}/export/package`)
        .set('Authorization', await login(api, admin.email))
        .responseType('blob')
        .expect(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="contact-${contactId}.zip"`,
      );
      const files = await unzip(response.body as Buffer);
      const exported = JSON.parse(files.get('contact.json')!.data.toString('utf8'));
      const listed = exported.threads
        .flatMap((thread: { messages: { id: string }[] }) => thread.messages)
        .find((m: { id: string }) => m.id === message.id).files;
      expect(listed.map((file: { path: string }) => file.path)).toEqual([
        `attachments/${message.id}/1-gatlampa.jpg`,
        `attachments/${message.id}/2-Ansökan bygglov.pdf`,
      ]);
      expect(Buffer.compare(files.get(listed[0].path)!.data, png)).toBe(0);
      expect(Buffer.compare(files.get(listed[1].path)!.data, pdf)).toBe(0);
      const sums = files.get('SHA256SUMS')!.data.toString('utf8');
      expect(sums).toContain(`${blobKeyOf(pdf)}  ${listed[1].path}\n`);
      expect(sums).toContain(`${blobKeyOf(files.get('contact.json')!.data)}  contact.json\n`);
      await request(api.server)
        .get(`/api/v1/contacts/${contactId}/export/package`)
        .set('Authorization', agent)
        .expect(403);
    });

    it('stores the same bytes once, however often they arrive', async () => {
      await mailbox(await mailChannel(), [
        mailWith('same-file@medborgare.test', [
          { filename: 'kopia.pdf', type: 'application/pdf', bytes: pdf },
        ]),
      ]);
      // Its bytes: other files store attachments of the same name in the run's database.
      const rows = await prisma.messageAttachment.findMany({
        where: { sha256: blobKeyOf(pdf) },
      });
      expect(rows).toHaveLength(2);
      expect(rows[0]!.sha256).toBe(rows[1]!.sha256);
    });
  });

  it('leaves a 30 MB attachment out with a note, and the mail still lands', async () => {
    const channel = await mailChannel();
    const small = await picture(40, 40, 'png');
    await mailbox(channel, [
      mailWith(
        'large@medborgare.test',
        [
          { filename: 'foto.png', type: 'image/png', bytes: small },
          { filename: 'film.mov', type: 'video/quicktime', bytes: randomBytes(30 * 1024 * 1024) },
        ],
        'Här är filmen från gatan.',
      ),
    ]);
    const message = await messageOf(channel, 'large@medborgare.test');
    expect(message.text).toContain('Här är filmen från gatan.');
    const rows = await prisma.messageAttachment.findMany({
      where: { messageId: message.id },
      orderBy: { n: 'asc' },
    });
    expect(rows.map((row) => [row.filename, row.state, row.leftOutReason])).toEqual([
      ['foto.png', 'STORED', null],
      ['film.mov', 'LEFT_OUT', 'file-too-large'],
    ]);
    expect(rows[1]!.size).toBeGreaterThan(29 * 1024 * 1024);
    const thread = await request(api.server)
      .get(`/api/v1/threads/${message.threadId}`)
      .set('Authorization', agent)
      .expect(200);
    const [listed] = (
      thread.body as {
        messages: { storedAttachments: { state: string; leftOutReason: string }[] }[];
      }
    ).messages;
    expect(listed!.storedAttachments[1]).toMatchObject({
      state: 'LEFT_OUT',
      leftOutReason: 'file-too-large',
    });
    await fetchFile(agent, fileUrl(message, 1)).expect(404);
    const kept = await fetchFile(agent, fileUrl(message, 0)).expect(200);
    expect(Buffer.compare(kept.body as Buffer, small)).toBe(0);
  });

  it('erasing a citizen removes their files, keeping bytes another message still holds', async () => {
    const channel = await mailChannel();
    const shared = {
      filename: 'karta.pdf',
      type: 'application/pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5_000)]),
    };
    const own = {
      filename: 'id.pdf',
      type: 'application/pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5_000)]),
    };
    await mailbox(channel, [
      mailWith(
        'erase-1@medborgare.test',
        [shared, own],
        'Min ansökan.',
        'Eva Berg <eva@medborgare.test>',
      ),
      mailWith(
        'keep-1@medborgare.test',
        [shared],
        'Samma karta.',
        'Olle Ek <olle@medborgare.test>',
      ),
    ]);
    const erased = await messageOf(channel, 'erase-1@medborgare.test');
    const rows = await prisma.messageAttachment.findMany({
      where: { messageId: erased.id },
      orderBy: { n: 'asc' },
    });
    const [sharedKey, ownKey] = rows.map((row) => row.sha256!);
    const blobs = worker.get<BlobStore>(BLOB_STORE);
    expect(await blobs.has(ownKey!)).toBe(true);

    const admin = await login(api, (await createUser(prisma, { role: 'ADMIN' })).email);
    const thread = await prisma.thread.findUniqueOrThrow({ where: { id: erased.threadId } });
    const issued = await request(api.server)
      .post(`/api/v1/contacts/${thread.contactId}/erasure`)
      .set('authorization', admin)
      .expect(200);
    await request(api.server)
      .post(`/api/v1/contacts/${thread.contactId}/erasure/confirm`)
      .set('authorization', admin)
      .send({ confirmationToken: issued.body.confirmationToken })
      .expect(200);

    expect(await prisma.messageAttachment.count({ where: { messageId: erased.id } })).toBe(0);
    expect(await blobs.has(ownKey!)).toBe(false);
    // Olle's message holds the same map: its bytes stay, and he can still be served it.
    expect(await blobs.has(sharedKey!)).toBe(true);
    const kept = await messageOf(channel, 'keep-1@medborgare.test');
    const served = await fetchFile(agent, fileUrl(kept, 0)).expect(200);
    expect(Buffer.compare(served.body as Buffer, shared.bytes)).toBe(0);
  });

  describe('a Messenger image', () => {
    it('is downloaded from its expiring URL at ingest and served like any other', async () => {
      const page = fake.store.addPage({ name: 'Kommunen' });
      const jpeg = await picture(640, 480, 'jpeg');
      fake.store.receiveMessage(
        page.id,
        { id: 'psid-sara', name: 'Sara Lind' },
        'Lampan',
        new Date(),
        [{ name: 'image-1.jpg', mime_type: 'image/jpeg', size: jpeg.length, bytes: jpeg }],
      );
      const channel = await createMetaChannel(worker, page);
      await prisma.channel.update({ where: { id: channel.id }, data: { teamId } });
      await pollNow(worker, channel.id);
      const row = await eventually(
        async () =>
          (await prisma.messageAttachment.findFirst({
            where: { message: { channelId: channel.id }, state: { not: 'PENDING' } },
            include: { message: true },
          })) ?? undefined,
        { timeoutMs: 30_000, what: 'the attachment download' },
      );
      expect([row.state, row.sniffedType, row.sourceUrl]).toEqual(['STORED', 'image/jpeg', null]);
      expect(fake.requests.some((seen) => seen.path.startsWith('/cdn/'))).toBe(true);
      const image = await fetchFile(agent, fileUrl(row.message, 0)).expect(200);
      expect(Buffer.compare(image.body as Buffer, jpeg)).toBe(0);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect(image.headers['content-disposition']).toMatch(/^inline;/);
      expect(image.headers['content-security-policy']).toBe(SANDBOX_CSP);
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      await fetchFile(stranger, fileUrl(row.message, 0)).expect(404);
    });

    it('whose URL expired before it was read is left out with a note', async () => {
      const page = fake.store.addPage({ name: 'Kommunen' });
      fake.attachmentUrlTtlMs = -1000;
      try {
        fake.store.receiveMessage(page.id, { id: 'psid-olle', name: 'Olle' }, 'Bild', new Date(), [
          { name: 'image-2.jpg', mime_type: 'image/jpeg', size: 3, bytes: Buffer.from('abc') },
        ]);
        const channel = await createMetaChannel(worker, page);
        await pollNow(worker, channel.id);
        const row = await eventually(
          async () =>
            (await prisma.messageAttachment.findFirst({
              where: { message: { channelId: channel.id }, state: { not: 'PENDING' } },
              include: { message: true },
            })) ?? undefined,
          { timeoutMs: 30_000, what: 'the attachment download' },
        );
        expect([row.state, row.leftOutReason]).toEqual(['LEFT_OUT', 'download-failed']);
        expect(row.message.text).toBe('Bild');
      } finally {
        fake.attachmentUrlTtlMs = 3600_000;
      }
    });
  });
});
