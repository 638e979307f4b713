import { randomBytes, randomInt } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { PrismaService } from '@svara/database';
import {
  createEmailChannel,
  createUser,
  createWebFormChannel,
  Dovecot,
  eventually,
  login,
  MAILBOX_USER,
  pollAndSettle,
  type RunningApi,
  startApi,
  startWorker,
  webFormItem,
} from '@svara/testing';
import { FakeGraphServer } from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

/** A Graph id (PSID, user id) no other test in the run uses. */
const graphId = () => `73${String(randomInt(0, 2 ** 47)).padStart(14, '0')}`;

// The person who asks to be forgotten, and a citizen whose data must stay.
const INGEGERD = {
  name: 'Ingegerd Lövenskiöld',
  email: 'ingegerd.lovenskiold@example.se',
  /** A valid personnummer (Luhn), written with and without the century. */
  personnummer: '19640823-3234',
  shortNumber: '640823-3234',
  psid: graphId(),
  commenterId: graphId(),
};
const BERTIL = {
  name: 'Bertil Oskarsson',
  email: 'bertil.oskarsson@example.se',
  psid: graphId(),
  commenterId: graphId(),
};
/** What must not be found anywhere once she is erased (searched case-insensitively). */
const HER_TRACES = [
  INGEGERD.name,
  'Lövenskiöld',
  INGEGERD.email,
  INGEGERD.shortNumber,
  INGEGERD.shortNumber.replace('-', ''),
];

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

function mail(from: { name: string; email: string }, subject: string, body: string, id: string) {
  return [
    `From: ${encodedWord(from.name)} <${from.email}>`,
    `To: Kommunen <${MAILBOX_USER.user}>`,
    `Subject: ${encodedWord(subject)}`,
    `Date: ${new Date(Date.now() - 60_000).toUTCString()}`,
    `Message-ID: <${id}@example.se>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
}

/** Every text, varchar, json, jsonb and text[] column of the database, searched for each needle. */
async function tracesIn(prisma: PrismaService, needles: string[]): Promise<string[]> {
  const columns = await prisma.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'json', 'jsonb')
        OR udt_name IN ('_text', '_varchar'))
    ORDER BY table_name, column_name`;
  expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(
    expect.arrayContaining([
      'messages.text',
      'messages.authorName',
      'contacts.email',
      'contact_identities.value',
      'inbound_batches.items',
      'audit_log.data',
      'audit_log.entityId',
      'threads.tags',
    ]),
  );
  const hits: string[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`,
        needle,
      );
      if (n > 0) hits.push(`${table}.${column} holds "${needle}" (${n})`);
    }
  }
  return hits;
}

describe('GDPR: finding, exporting and erasing a person', () => {
  const fake = new FakeGraphServer();
  let dovecot: Dovecot;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let adminAuth: string;
  let adminId: string;
  let otherAdminAuth: string;
  let agentAuth: string;
  let formChannelId: string;
  /** Her contacts: by e-mail (form and mail), on Messenger, as a commenter. */
  const her = { byEmail: '', messenger: '', commenter: '' };
  let herFormThreadId: string;
  let failedBatchId: string;
  let mailBatchId: string;
  let recordExportId: string;
  /** Bertil's messages, as they were before anything was erased. */
  let bertilsMessages: { id: string; text: string; threadId: string }[];

  const bertilsMessagesNow = () =>
    prisma.message.findMany({
      where: {
        OR: [
          { authorName: BERTIL.name },
          { authorAddress: { in: [BERTIL.email, BERTIL.psid, BERTIL.commenterId] } },
        ],
      },
      select: { id: true, text: true, threadId: true },
      orderBy: { id: 'asc' },
    });

  const submitForm = async (from: { name: string; email: string }, message: string) => {
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${formChannelId}/submissions`)
      .send({ name: from.name, email: from.email, subject: 'Bygglov', message })
      .expect(202);
    return accepted.body.id as string;
  };
  const storedMessage = (externalId: string) =>
    eventually(
      async () =>
        (await prisma.message.findFirst({ where: { channelId: formChannelId, externalId } })) ??
        undefined,
      { what: 'the submission to be stored' },
    );

  const requestErasure = (contactId: string, auth = adminAuth) =>
    request(api.server).post(`/api/v1/contacts/${contactId}/erasure`).set('authorization', auth);
  const confirmErasure = (contactId: string, token: string, auth = adminAuth) =>
    request(api.server)
      .post(`/api/v1/contacts/${contactId}/erasure/confirm`)
      .set('authorization', auth)
      .send({ confirmationToken: token });

  beforeAll(async () => {
    await fake.listen();
    const meta = { META_GRAPH_URL: fake.url, META_GRAPH_VERSION: fake.version };
    [dovecot, api, worker] = await Promise.all([
      Dovecot.start([MAILBOX_USER]),
      startApi({ ...meta, FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startWorker(meta),
    ]);
    prisma = api.prisma;
    const [admin, otherAdmin, agent] = await Promise.all([
      createUser(prisma, { role: 'ADMIN' }),
      createUser(prisma, { role: 'ADMIN' }),
      createUser(prisma, { role: 'AGENT' }),
    ]);
    adminId = admin.id;
    [adminAuth, otherAdminAuth, agentAuth] = await Promise.all([
      login(api, admin.email),
      login(api, otherAdmin.email),
      login(api, agent.email),
    ]);

    // The web form: her submission with her personnummer, and Bertil's.
    formChannelId = (await createWebFormChannel(prisma)).id;
    const hers = await storedMessage(
      await submitForm(
        INGEGERD,
        `Hej, jag heter ${INGEGERD.name} och mitt personnummer är ${INGEGERD.personnummer}.`,
      ),
    );
    await storedMessage(await submitForm(BERTIL, 'När kommer beslutet om mitt bygglov?'));
    herFormThreadId = hers.threadId;

    // E-mail: she writes to the municipality's mailbox too; Bertil as well.
    await dovecot.append(MAILBOX_USER, 'INBOX', [
      mail(
        INGEGERD,
        'Bygglov, komplettering',
        `Hej! Här är kompletteringen. Personnummer ${INGEGERD.shortNumber}.\n/${INGEGERD.name}`,
        'ingegerd-1',
      ),
      mail(BERTIL, 'Fråga om sophämtning', 'Hämtas soporna på fredag?', 'bertil-1'),
    ]);
    const mailChannel = await createEmailChannel(prisma, dovecot);
    await pollAndSettle(prisma, mailChannel.id);
    mailBatchId = (
      await prisma.inboundBatch.findFirstOrThrow({ where: { channelId: mailChannel.id } })
    ).id;

    // Facebook: she and Bertil write on Messenger; she answers Bertil's comment on a post.
    const page = fake.store.addPage({ name: 'Kommunen' });
    const ingegerd = { id: INGEGERD.psid, name: INGEGERD.name };
    fake.store.receiveMessage(page.id, ingegerd, `Mitt personnummer är ${INGEGERD.shortNumber}`);
    fake.store.sendMessage(page.id, INGEGERD.psid, 'Tack Ingegerd, vi tittar på det.');
    fake.store.receiveMessage(page.id, { id: BERTIL.psid, name: BERTIL.name }, 'Hej kommunen!');
    const post = fake.store.addPost(
      page.id,
      'Nu öppnar simhallen igen',
      new Date(Date.now() - 3600_000),
    );
    const question = fake.store.addComment(
      post.id,
      { id: BERTIL.commenterId, name: BERTIL.name },
      'Vilka tider gäller?',
      { at: new Date(Date.now() - 1800_000) },
    );
    fake.store.addComment(
      post.id,
      { id: INGEGERD.commenterId, name: INGEGERD.name },
      'Undrar samma sak, mejla mig gärna',
      { at: new Date(Date.now() - 900_000), parentId: question.id },
    );
    const pageChannel = await createMetaChannel(worker, page);
    await pollNow(worker, pageChannel.id);

    // Colleagues work on her thread: a note, an escalation, an opening of the thread.
    await request(api.server)
      .post(`/api/v1/threads/${herFormThreadId}/notes`)
      .set('authorization', adminAuth)
      .send({ text: `Ringde ${INGEGERD.name}, hon skickar komplettering.` })
      .expect(201);
    await prisma.escalation.create({
      data: {
        threadId: herFormThreadId,
        target: 'firstResponse',
        level: 1,
        dueAt: new Date(),
        stepAt: new Date(),
        status: 'SENT',
        recipients: ['lead@kommun.test'],
      },
    });
    await request(api.server)
      .get(`/api/v1/threads/${herFormThreadId}`)
      .set('authorization', adminAuth)
      .expect(200);

    // A batch ingest gave up on, holding her submission and Bertil's.
    failedBatchId = (
      await prisma.inboundBatch.create({
        data: {
          channelId: formChannelId,
          source: 'FORM',
          status: 'FAILED',
          items: [
            webFormItem({ name: BERTIL.name, email: BERTIL.email, message: 'Andra försöket' }),
            webFormItem({
              name: INGEGERD.name,
              email: INGEGERD.email.toUpperCase(),
              message: `Personnummer ${INGEGERD.personnummer}`,
            }),
          ] as object[],
          itemCount: 2,
          lastError: 'connection reset',
        },
      })
    ).id;

    // A record package registered with the municipality, holding her form thread.
    recordExportId = (
      await prisma.recordExport.create({
        data: {
          purpose: 'REGISTRATION',
          status: 'DONE',
          selection: { threadIds: [herFormThreadId] },
          threadCount: 1,
          threadsDone: 1,
          package: Buffer.from('zip'),
          sha256: 'f'.repeat(64),
          byteSize: 3,
        },
      })
    ).id;
    await prisma.thread.update({
      where: { id: herFormThreadId },
      data: { lastRecordExportId: recordExportId, recordExportedAt: new Date() },
    });

    bertilsMessages = await bertilsMessagesNow();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await dovecot?.stop();
    await fake.close();
  });

  describe('finding the person', () => {
    const search = (query: string, auth = adminAuth) =>
      request(api.server).get(`/api/v1/contacts?${query}`).set('authorization', auth);

    it('finds her contacts by e-mail, part of her name or a channel id', async () => {
      const byEmail = await search(
        `email=${encodeURIComponent(INGEGERD.email.toUpperCase())}`,
      ).expect(200);
      expect(byEmail.body).toEqual({
        data: [
          expect.objectContaining({
            email: INGEGERD.email,
            displayName: INGEGERD.name,
            threadCount: 2,
            identities: [
              expect.objectContaining({ type: 'EMAIL', scope: 'global', value: INGEGERD.email }),
            ],
          }),
        ],
        nextCursor: null,
      });
      her.byEmail = byEmail.body.data[0].id;

      const byName = await search(
        `name=${encodeURIComponent('ingegerd LÖV'.toLowerCase())}`,
      ).expect(200);
      expect(byName.body.data).toHaveLength(3);
      const identityTypes = byName.body.data.map(
        (contact: { identities: { type: string }[] }) => contact.identities[0]!.type,
      );
      expect(identityTypes.sort()).toEqual(['EMAIL', 'FACEBOOK_PSID', 'FACEBOOK_USER']);

      const byPsid = await search(`identity=${INGEGERD.psid}`).expect(200);
      expect(byPsid.body.data).toEqual([
        expect.objectContaining({ displayName: INGEGERD.name, threadCount: 1 }),
      ]);
      her.messenger = byPsid.body.data[0].id;
      const byCommenterId = await search(`identity=${INGEGERD.commenterId}`).expect(200);
      // She only answered someone else's comment: no thread of her own there.
      expect(byCommenterId.body.data).toEqual([expect.objectContaining({ threadCount: 0 })]);
      her.commenter = byCommenterId.body.data[0].id;

      // Everything given must match.
      const mixed = await search(`name=Ingegerd&email=${BERTIL.email}`).expect(200);
      expect(mixed.body.data).toEqual([]);
      // A wildcard is an ordinary character.
      const wildcard = await search(`name=${encodeURIComponent('%%')}`).expect(200);
      expect(wildcard.body.data).toEqual([]);
    });

    it('pages through many matches', async () => {
      const first = await search('name=ingegerd&limit=2').expect(200);
      expect(first.body.data).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await search(`name=ingegerd&limit=2&cursor=${first.body.nextCursor}`).expect(
        200,
      );
      expect(second.body).toEqual({ data: [expect.any(Object)], nextCursor: null });
    });

    it('needs something to search by, valid, and an admin', async () => {
      const nothing = await search('').expect(400);
      expect(nothing.body.message).toBe(
        'Give at least one of email, name or identity to search contacts',
      );
      const badEmail = await search('email=ingegerd').expect(400);
      expect(badEmail.body.message).toContain('email must be an e-mail address');
      const shortName = await search('name=I').expect(400);
      expect(shortName.body.message).toContain('name');
      await search('email=x@example.se&limit=1000').expect(400);
      await search(`email=${INGEGERD.email}`, agentAuth).expect(403);
      await request(api.server)
        .get(`/api/v1/contacts/${her.byEmail}/export`)
        .set('authorization', agentAuth)
        .expect(403);
      await requestErasure(her.byEmail, agentAuth).expect(403);
    });
  });

  describe('exporting her data', () => {
    it('gives every message, note, escalation, identity and raw item held on her', async () => {
      const response = await request(api.server)
        .get(`/api/v1/contacts/${her.byEmail}/export`)
        .set('authorization', adminAuth)
        .expect(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="contact-${her.byEmail}.json"`,
      );
      const body = response.body;
      expect(body.contact).toMatchObject({ id: her.byEmail, email: INGEGERD.email });
      expect(body.identities).toEqual([expect.objectContaining({ value: INGEGERD.email })]);
      expect(body.threads).toHaveLength(2);
      const texts = body.threads.flatMap((thread: { messages: { text: string }[] }) =>
        thread.messages.map((message) => message.text),
      );
      expect(texts).toEqual(
        expect.arrayContaining([
          expect.stringContaining(INGEGERD.personnummer),
          expect.stringContaining(`Personnummer ${INGEGERD.shortNumber}`),
        ]),
      );
      const formThread = body.threads.find((t: { id: string }) => t.id === herFormThreadId);
      // Every field of a message, as stored.
      expect(formThread.messages[0]).toMatchObject({
        direction: 'INBOUND',
        authorName: INGEGERD.name,
        authorAddress: INGEGERD.email,
        containsIdentityNumber: true,
        deliveryStatus: 'RECEIVED',
        attachments: [],
        channelId: formChannelId,
      });
      expect(Object.keys(formThread.messages[0])).toEqual(
        expect.arrayContaining(['externalId', 'quotedText', 'html', 'sentAt', 'receivedAt']),
      );
      expect(formThread.notes).toEqual([
        expect.objectContaining({ direction: 'NOTE', text: expect.stringContaining('Ringde') }),
      ]);
      expect(formThread.escalations).toEqual([
        expect.objectContaining({ level: 1, status: 'SENT' }),
      ]);
      // The raw submissions (the stored one and the one ingest gave up on) and the raw mail.
      expect(
        body.inboundItems.map((item: { batchId: string; status: string }) => item.status).sort(),
      ).toEqual(['DONE', 'DONE', 'FAILED']);
      expect(body.inboundItems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            batchId: mailBatchId,
            item: expect.objectContaining({ raw: expect.any(String) }),
          }),
          expect.objectContaining({ batchId: failedBatchId, index: 1 }),
        ]),
      );
      expect(body.recordPackages).toEqual([expect.objectContaining({ id: recordExportId })]);
      expect(body.summary).toEqual({
        threads: 2,
        messages: 2,
        notes: 1,
        escalations: 1,
        identities: 1,
        messagesInOtherThreads: 0,
        inboundItems: 3,
        recordPackages: 1,
      });
      // Nothing of Bertil's.
      expect(JSON.stringify(body)).not.toContain(BERTIL.email);
    });

    it('includes what she wrote in someone else’s thread', async () => {
      const { body } = await request(api.server)
        .get(`/api/v1/contacts/${her.commenter}/export`)
        .set('authorization', adminAuth)
        .expect(200);
      expect(body.threads).toEqual([]);
      expect(body.messagesInOtherThreads).toEqual([
        expect.objectContaining({
          text: 'Undrar samma sak, mejla mig gärna',
          authorAddress: INGEGERD.commenterId,
        }),
      ]);
    });

    it('is in the audit log with ids and counts only', async () => {
      const entry = await prisma.auditLog.findFirstOrThrow({
        where: { action: 'contact.exported', entityId: her.byEmail },
      });
      expect(entry).toMatchObject({
        entityType: 'contact',
        data: expect.objectContaining({ messages: 2 }),
      });
      const text = JSON.stringify(entry.data);
      for (const trace of HER_TRACES) expect(text.toLowerCase()).not.toContain(trace.toLowerCase());
    });
  });

  describe('erasing her data', () => {
    /** What a failed confirmation must leave exactly as it was. */
    const snapshot = async () => ({
      contacts: await prisma.contact.count({ where: { id: { in: Object.values(her) } } }),
      messages: await prisma.message.count(),
      batches: await prisma.inboundBatch.count(),
      audit: await prisma.auditLog.count({ where: { action: 'contact.erased' } }),
    });

    it('finds her in many tables before anything is erased', async () => {
      const hits = await tracesIn(prisma, HER_TRACES);
      expect(hits).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^messages\.text holds/),
          expect.stringMatching(/^contacts\.displayName holds/),
          expect.stringMatching(/^inbound_batches\.items holds/),
        ]),
      );
    });

    it('says what will go and what stays, and erases nothing before it is confirmed', async () => {
      const before = await snapshot();
      const response = await requestErasure(her.byEmail).expect(200);
      expect(response.body).toEqual({
        confirmationToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        summary: {
          threads: 2,
          messages: 3,
          messagesInOtherThreads: 0,
          identities: 1,
          inboundBatches: 2,
          inboundItems: 1,
        },
        kept: { recordPackages: 1, reason: expect.stringContaining('17(3)(b)') },
      });
      const expiresIn = new Date(response.body.expiresAt).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(5 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a wrong, someone else’s, another contact’s, malformed or expired token', async () => {
      const before = await snapshot();
      const { body } = await requestErasure(her.byEmail).expect(200);
      const token = body.confirmationToken as string;

      const wrong = await confirmErasure(her.byEmail, randomBytes(32).toString('base64url')).expect(
        400,
      );
      expect(wrong.body.message).toContain('wrong, expired or already used');
      await confirmErasure(her.byEmail, token, otherAdminAuth).expect(400);
      await confirmErasure(her.messenger, token).expect(400);
      const malformed = await confirmErasure(her.byEmail, 'yes').expect(400);
      expect(malformed.body.message).toContain('confirmationToken');

      const shortLived = await startApi({ ERASURE_CONFIRMATION_SECONDS: '1' });
      try {
        const issued = await request(shortLived.server)
          .post(`/api/v1/contacts/${her.byEmail}/erasure`)
          .set('authorization', adminAuth)
          .expect(200);
        // Past the token's one-second lifetime.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await request(shortLived.server)
          .post(`/api/v1/contacts/${her.byEmail}/erasure/confirm`)
          .set('authorization', adminAuth)
          .send({ confirmationToken: issued.body.confirmationToken })
          .expect(400);
      } finally {
        await shortLived.close();
      }
      expect(await snapshot()).toEqual(before);
    });

    it('waits for a message of hers still being ingested, then erases with the same token', async () => {
      await worker.close();
      const externalId = await submitForm(INGEGERD, 'Har ni fått min komplettering?');
      const pending = await prisma.inboundBatch.findFirstOrThrow({
        where: { channelId: formChannelId, status: 'PENDING' },
      });

      const requested = await requestErasure(her.byEmail).expect(200);
      expect(requested.body.inboundBatchesBeingIngested).toBe(1);
      const before = await snapshot();
      const refused = await confirmErasure(her.byEmail, requested.body.confirmationToken).expect(
        409,
      );
      expect(refused.body.message).toContain('confirm again in a few seconds');
      expect(await snapshot()).toEqual(before);

      worker = await startWorker({ META_GRAPH_URL: fake.url, META_GRAPH_VERSION: fake.version });
      await storedMessage(externalId);
      await eventually(
        async () =>
          (await prisma.inboundBatch.findUniqueOrThrow({ where: { id: pending.id } })).status ===
          'DONE'
            ? true
            : undefined,
        { what: 'the batch to be ingested' },
      );

      const erased = await confirmErasure(her.byEmail, requested.body.confirmationToken).expect(
        200,
      );
      expect(erased.body).toEqual({
        erasureId: expect.any(String),
        erased: {
          threads: 3,
          messages: 4,
          messagesInOtherThreads: 0,
          identities: 1,
          inboundBatches: 3,
          inboundItems: 1,
        },
        kept: { recordPackages: 1, reason: expect.any(String) },
      });
      expect(erased.body.erasureId).not.toBe(her.byEmail);

      // Used once, gone.
      await confirmErasure(her.byEmail, requested.body.confirmationToken).expect(400);
      await request(api.server)
        .get(`/api/v1/contacts/${her.byEmail}/export`)
        .set('authorization', adminAuth)
        .expect(404);
    });

    it('erases her Messenger and commenter contacts, with what she wrote in Bertil’s thread', async () => {
      const messenger = await requestErasure(her.messenger).expect(200);
      expect(messenger.body.summary).toMatchObject({ threads: 1, messages: 2 });
      await confirmErasure(her.messenger, messenger.body.confirmationToken).expect(200);

      const commenter = await requestErasure(her.commenter).expect(200);
      expect(commenter.body.summary).toMatchObject({ threads: 0, messagesInOtherThreads: 1 });
      const erased = await confirmErasure(her.commenter, commenter.body.confirmationToken).expect(
        200,
      );
      expect(erased.body.erased).toMatchObject({ messagesInOtherThreads: 1, identities: 1 });
    });

    it('leaves no trace of her name, e-mail address or personnummer in any table', async () => {
      expect(await tracesIn(prisma, [...HER_TRACES, ...Object.values(her)])).toEqual([]);
      // The raw mail is stored base64, out of reach of a text search: its batch went whole.
      expect(await prisma.inboundBatch.findUnique({ where: { id: mailBatchId } })).toBeNull();
    });

    it('leaves Bertil’s data as it was', async () => {
      expect(await bertilsMessagesNow()).toEqual(bertilsMessages);
      expect(bertilsMessages.length).toBe(4);
      // His comment thread lost her reply only, and counts what is left.
      const commentThread = await prisma.thread.findFirstOrThrow({
        where: { externalId: { startsWith: 'comment:' }, contact: { displayName: BERTIL.name } },
        include: { messages: true },
      });
      expect(commentThread.messages.map((message) => message.text)).toEqual([
        'Vilka tider gäller?',
      ]);
      expect(commentThread.messageCount).toBe(1);
      // His item stays in the batch ingest gave up on.
      const failed = await prisma.inboundBatch.findUniqueOrThrow({ where: { id: failedBatchId } });
      expect(failed).toMatchObject({ status: 'FAILED', itemCount: 1 });
      expect(failed.items).toEqual([expect.objectContaining({ email: BERTIL.email })]);
      // The record package is a public record: kept, untouched.
      const kept = await prisma.recordExport.findUniqueOrThrow({ where: { id: recordExportId } });
      expect(kept.sha256).toBe('f'.repeat(64));
    });

    it('records each erasure with counts only, under an id that cannot be traced back to her', async () => {
      // This file's erasures: other files erase their own contacts in the run's database.
      const entries = await prisma.auditLog.findMany({
        where: { action: 'contact.erased', actorId: adminId },
        orderBy: { id: 'asc' },
      });
      expect(entries).toHaveLength(3);
      expect(entries[0]).toMatchObject({
        entityType: 'contact',
        data: {
          threads: 3,
          messages: 4,
          messagesInOtherThreads: 0,
          identities: 1,
          inboundBatches: 3,
          inboundItems: 1,
          recordPackagesKept: 1,
        },
      });
      const text = JSON.stringify(entries, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      ).toLowerCase();
      for (const trace of [...HER_TRACES, ...Object.values(her), INGEGERD.psid]) {
        expect(text).not.toContain(trace.toLowerCase());
      }
      // The export's entry moved to the erasure's id with the erasure's own entry.
      const history = await prisma.auditLog.findMany({
        where: { entityType: 'contact', entityId: entries[0]!.entityId! },
        orderBy: { id: 'asc' },
      });
      expect(history.map((entry) => entry.action)).toEqual(['contact.exported', 'contact.erased']);
    });
  });
});
