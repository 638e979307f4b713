import { createHash, randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { MAX_THREADS_PER_PACKAGE, RecordArchiver, RecordPackageBuilder } from '@svara/records';
import type { RecordDocument } from '@svara/records';
import {
  type RunningApi,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  eventually,
  exited,
  login,
  pdfText,
  spawnApp,
  startApi,
  startWorker,
  testQueue,
  unzip,
} from '@svara/testing';

const CITIZEN_TEXT =
  'Hej! Vi har fått blåbärssylt och smørbrød på Ærø, tack så mycket. Hyvää päivää, Åsa Øberg';
const IDENTITY_NUMBER = '19811218-9876';

/** The body of a binary answer, as bytes. */
const binary = (response: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('record packages', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let admin: string;
  let adminId: string;
  let lead: string;
  let leadId: string;
  let agent: string;
  let byggTeam: { id: string };
  let skolaTeam: { id: string };
  let byggForm: { id: string };
  let skolaForm: { id: string };
  let january: { id: string };
  let february: { id: string };
  let otherTeams: { id: string };

  /** A closed thread with a citizen's message, a failed reply, a note, a contact and an escalation. */
  async function recordedThread(channelId: string, teamId: string, closedAt: Date) {
    const prisma = api.prisma;
    const contact = await prisma.contact.create({
      data: {
        id: randomUUID(),
        displayName: 'Åsa Øberg',
        email: `asa.${randomUUID().slice(0, 8)}@example.se`,
      },
    });
    await prisma.contactIdentity.create({
      data: {
        contactId: contact.id,
        type: 'EMAIL',
        scope: 'global',
        value: contact.email!,
        displayName: 'Åsa Øberg',
      },
    });
    const sentAt = new Date(closedAt.getTime() - 3 * 3600_000);
    const thread = await createThread(prisma, {
      channelId,
      teamId,
      subject: 'Bygglov för förråd',
      text: `${CITIZEN_TEXT}. Mitt personnummer är ${IDENTITY_NUMBER}.`,
      status: 'CLOSED',
      lastMessageAt: sentAt,
    });
    await prisma.thread.update({
      where: { id: thread.id },
      data: {
        contactId: contact.id,
        closedAt,
        containsIdentityNumber: true,
        slaState: 'OK',
        slaStartedAt: sentAt,
        firstResponseDueAt: new Date(sentAt.getTime() + 8 * 3600_000),
        firstResponseAt: new Date(sentAt.getTime() + 3600_000),
        firstResponseMins: 60,
        firstResponseMet: true,
        escalationLevel: 1,
        tags: ['bygglov'],
        escalations: {
          create: {
            target: 'firstResponse',
            level: 1,
            dueAt: new Date(sentAt.getTime() + 8 * 3600_000),
            stepAt: new Date(sentAt.getTime() + 30 * 60_000),
            status: 'SENT',
            recipients: ['lead@kommun.se'],
            sentAt: new Date(sentAt.getTime() + 31 * 60_000),
            smtpResponse: '250 2.0.0 Ok',
          },
        },
        messages: {
          create: [
            {
              channelId,
              externalId: randomUUID(),
              direction: 'OUTBOUND',
              authorName: 'Handläggare',
              text: 'Tack, vi återkommer om ditt förråd.',
              attachments: [
                { filename: 'ritning.pdf', contentType: 'application/pdf', size: 2048 },
              ],
              sentAt: new Date(sentAt.getTime() + 3600_000),
              deliveryStatus: 'FAILED',
              deliveryError: 'mailbox unavailable',
            },
            {
              channelId,
              externalId: randomUUID(),
              direction: 'NOTE',
              authorName: 'Handläggare',
              text: 'Internt: kolla detaljplanen.',
              sentAt: new Date(sentAt.getTime() + 2 * 3600_000),
              hiddenAt: new Date(sentAt.getTime() + 2 * 3600_000),
            },
          ],
        },
      },
    });
    await prisma.message.updateMany({
      where: { threadId: thread.id, direction: 'INBOUND' },
      data: { containsIdentityNumber: true, authorAddress: contact.email },
    });
    return thread;
  }

  async function waitUntilFinished(id: string, auth = admin) {
    return eventually(
      async () => {
        const { body } = await request(api.server)
          .get(`/api/v1/record-exports/${id}`)
          .set('authorization', auth)
          .expect(200);
        return body.status === 'DONE' || body.status === 'FAILED' ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `record export ${id} to finish` },
    );
  }

  function download(id: string, auth = admin) {
    return request(api.server)
      .get(`/api/v1/record-exports/${id}/package`)
      .set('authorization', auth)
      .buffer(true)
      .parse(binary);
  }

  /** Opens a package as a records officer would: checksums, schema, PDF. */
  async function openPackage(zip: Buffer) {
    const files = await unzip(zip);
    expect([...files.keys()]).toEqual([
      'record.json',
      'record.schema.json',
      'record.pdf',
      'SHA256SUMS',
    ]);
    const sums = files.get('SHA256SUMS')!.data.toString('utf8');
    expect(sums).toBe(
      ['record.json', 'record.schema.json', 'record.pdf']
        .map((name) => `${sha256(files.get(name)!.data)}  ${name}\n`)
        .join(''),
    );

    const schema = JSON.parse(files.get('record.schema.json')!.data.toString('utf8')) as object;
    const record = JSON.parse(files.get('record.json')!.data.toString('utf8')) as RecordDocument;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(record);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const pdf = await pdfText(files.get('record.pdf')!.data);
    return { record, pdf };
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    [byggTeam, skolaTeam] = await Promise.all([createTeam(api.prisma), createTeam(api.prisma)]);
    [byggForm, skolaForm] = await Promise.all([
      createWebFormChannel(api.prisma, {}, byggTeam.id),
      createWebFormChannel(api.prisma, {}, skolaTeam.id),
    ]);
    const [adminUser, leadUser, agentUser] = await Promise.all([
      createUser(api.prisma, { role: 'ADMIN' }),
      createUser(api.prisma, { role: 'LEAD', teamIds: [byggTeam.id] }),
      createUser(api.prisma, { role: 'AGENT', teamIds: [byggTeam.id] }),
    ]);
    adminId = adminUser.id;
    leadId = leadUser.id;
    [admin, lead, agent] = await Promise.all([
      login(api, adminUser.email),
      login(api, leadUser.email),
      login(api, agentUser.email),
    ]);
    january = await recordedThread(byggForm.id, byggTeam.id, new Date('2026-01-15T10:00:00Z'));
    february = await recordedThread(byggForm.id, byggTeam.id, new Date('2026-02-10T10:00:00Z'));
    otherTeams = await recordedThread(skolaForm.id, skolaTeam.id, new Date('2026-01-20T10:00:00Z'));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('exports the threads a filter selects as a package that validates, with matching checksums', async () => {
    const accepted = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', admin)
      .send({
        filter: {
          channelId: byggForm.id,
          status: 'CLOSED',
          closedFrom: '2026-01-01',
          closedTo: '2026-02-01',
        },
      })
      .expect(202);
    const id = accepted.body.id as string;

    const finished = await waitUntilFinished(id);
    expect(finished).toEqual({
      id,
      purpose: 'REGISTRATION',
      status: 'DONE',
      threadCount: 1,
      threadsDone: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      byteSize: expect.any(Number),
      error: null,
      requestedBy: { id: adminId, name: expect.any(String), email: expect.any(String) },
      retentionRunId: null,
      createdAt: expect.any(String),
      finishedAt: expect.any(String),
      selection: {
        filter: {
          channelId: byggForm.id,
          status: 'CLOSED',
          closedFrom: '2026-01-01T00:00:00.000Z',
          closedTo: '2026-02-01T00:00:00.000Z',
        },
      },
    });

    const response = await download(id).expect(200);
    const zip = response.body as Buffer;
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="svara-record-${id}.zip"`,
    );
    expect(zip.length).toBe(finished.byteSize);
    expect(sha256(zip)).toBe(finished.sha256);
    expect(response.headers['repr-digest']).toBe(
      `sha-256=:${createHash('sha256').update(zip).digest('base64')}:`,
    );

    const { record, pdf } = await openPackage(zip);
    expect(record.package).toEqual(
      expect.objectContaining({
        id,
        purpose: 'REGISTRATION',
        threadCount: 1,
        requestedBy: expect.objectContaining({ id: adminId }),
        selection: finished.selection,
        generator: { name: 'Svara', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      }),
    );
    const [thread] = record.threads;
    expect(thread!.id).toBe(january.id);
    expect(thread!.channel).toEqual({
      id: byggForm.id,
      type: 'WEB_FORM',
      name: expect.any(String),
    });
    expect(thread!.team).toEqual({ id: byggTeam.id, name: expect.any(String) });
    expect(thread!.closedAt).toBe('2026-01-15T10:00:00.000Z');
    expect(thread!.contact!.identities).toEqual([
      expect.objectContaining({ type: 'EMAIL', displayName: 'Åsa Øberg' }),
    ]);
    expect(thread!.sla).toEqual(
      expect.objectContaining({
        state: 'OK',
        firstResponseMins: 60,
        firstResponseMet: true,
        escalations: [
          expect.objectContaining({
            target: 'firstResponse',
            level: 1,
            status: 'SENT',
            recipients: ['lead@kommun.se'],
          }),
        ],
      }),
    );
    expect(thread!.messages.map((message) => message.direction)).toEqual([
      'INBOUND',
      'OUTBOUND',
      'NOTE',
    ]);
    const [inbound, reply, note] = thread!.messages;
    // The record is the record: the identity number is there in full.
    expect(inbound!.text).toContain(IDENTITY_NUMBER);
    expect(inbound!.containsIdentityNumber).toBe(true);
    expect(reply).toEqual(
      expect.objectContaining({
        deliveryStatus: 'FAILED',
        deliveryError: 'mailbox unavailable',
        attachments: [
          { filename: 'ritning.pdf', contentType: 'application/pdf', size: 2048, contentId: null },
        ],
      }),
    );
    expect(note!.hiddenAt).toEqual(expect.any(String));

    // The PDF reads the Nordic letters back as they were written.
    expect(pdf).toContain('Record package');
    expect(pdf).toContain('Bygglov för förråd');
    expect(pdf.replace(/\s+/g, ' ')).toContain(CITIZEN_TEXT);
    expect(pdf).toContain(IDENTITY_NUMBER);

    // The thread knows it was exported, and when.
    const shown = await request(api.server)
      .get(`/api/v1/threads/${january.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(shown.body.lastRecordExportId).toBe(id);
    expect(shown.body.recordExportedAt).toBe(finished.finishedAt);
    const untouched = await request(api.server)
      .get(`/api/v1/threads/${february.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(untouched.body.lastRecordExportId).toBeNull();

    // The audit log names the package and its checksum, and nothing personal.
    const exportAudit = await request(api.server)
      .get(`/api/v1/audit-log?entityType=record_export&entityId=${id}`)
      .set('authorization', admin)
      .expect(200);
    expect(exportAudit.body.data).toEqual([
      expect.objectContaining({
        action: 'record_export.completed',
        actor: expect.objectContaining({ id: adminId }),
        data: {
          purpose: 'REGISTRATION',
          threadCount: 1,
          sha256: finished.sha256,
          byteSize: finished.byteSize,
        },
      }),
    ]);
    const threadAudit = await request(api.server)
      .get(`/api/v1/audit-log?entityType=thread&entityId=${january.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(threadAudit.body.data).toEqual([
      expect.objectContaining({
        action: 'thread.record_exported',
        data: { recordExportId: id, sha256: finished.sha256 },
      }),
    ]);
    const audited = JSON.stringify([exportAudit.body, threadAudit.body]);
    for (const personal of ['Åsa', IDENTITY_NUMBER, 'example.se', 'förråd']) {
      expect(audited).not.toContain(personal);
    }
  });

  it('lets a lead export threads of their teams by id, and nothing else', async () => {
    const byAdmin = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', admin)
      .send({ threadIds: [otherTeams.id] })
      .expect(202);
    await waitUntilFinished(byAdmin.body.id);
    const accepted = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', lead)
      .send({ threadIds: [february.id, january.id, february.id] })
      .expect(202);
    const finished = await waitUntilFinished(accepted.body.id, lead);
    expect(finished).toEqual(
      expect.objectContaining({
        status: 'DONE',
        threadCount: 2,
        requestedBy: expect.objectContaining({ id: leadId }),
        // The ids as asked for, each once, in the package's order (oldest thread first).
        selection: { threadIds: [january.id, february.id] },
      }),
    );
    const response = await download(finished.id, lead).expect(200);
    const { record } = await openPackage(response.body as Buffer);
    expect(record.threads.map((thread) => thread.id)).toEqual([january.id, february.id]);

    // A thread outside their teams does not exist for them, here as in the inbox.
    await request(api.server)
      .get(`/api/v1/threads/${otherTeams.id}`)
      .set('authorization', lead)
      .expect(404);
    const refused = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', lead)
      .send({ threadIds: [january.id, otherTeams.id] })
      .expect(404);
    expect(refused.body.message).toBe(`Thread ${otherTeams.id} not found`);
    const byFilter = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', lead)
      .send({ filter: { teamId: skolaTeam.id } })
      .expect(422);
    expect(byFilter.body.message).toContain('No thread you may see matches the filter');

    // Agents do not export; leads see their own exports only.
    await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', agent)
      .send({ threadIds: [january.id] })
      .expect(403);
    const mine = await request(api.server)
      .get('/api/v1/record-exports')
      .set('authorization', lead)
      .expect(200);
    expect(mine.body.data.map((row: { id: string }) => row.id)).toEqual([finished.id]);
    // Admins page through everyone's, newest first.
    const newest = await request(api.server)
      .get('/api/v1/record-exports?limit=1')
      .set('authorization', admin)
      .expect(200);
    expect(newest.body.data.map((row: { id: string }) => row.id)).toEqual([finished.id]);
    const older = await request(api.server)
      .get(`/api/v1/record-exports?limit=1&cursor=${newest.body.nextCursor}`)
      .set('authorization', admin)
      .expect(200);
    expect(older.body.data.map((row: { id: string }) => row.id)).toEqual([byAdmin.body.id]);
    await request(api.server)
      .get(`/api/v1/record-exports/${byAdmin.body.id}`)
      .set('authorization', lead)
      .expect(404);
    await request(api.server)
      .get(`/api/v1/record-exports/${byAdmin.body.id}/package`)
      .set('authorization', lead)
      .expect(404);
  });

  it('refuses empty, oversized and malformed selections with a clear answer', async () => {
    const post = (body: object) =>
      request(api.server).post('/api/v1/record-exports').set('authorization', admin).send(body);
    const exportsBefore = await api.prisma.recordExport.count();

    expect((await post({}).expect(400)).body.message).toBe(
      'give either threadIds (thread ids) or filter (inbox filters)',
    );
    expect((await post({ threadIds: [january.id], filter: {} }).expect(400)).body.message).toBe(
      'give either threadIds or filter, not both',
    );
    expect((await post({ threadIds: [] }).expect(400)).body.message).toContain('threadIds');
    expect((await post({ threadIds: ['not-a-thread'] }).expect(400)).body.message).toContain(
      'threadIds',
    );
    expect((await post({ filter: { status: 'DONE' } }).expect(400)).body.message).toContain(
      'filter.status',
    );
    expect((await post({ filter: { closedFrom: 'last week' } }).expect(400)).body.message).toBe(
      'filter.closedFrom must be an ISO 8601 date or date-time',
    );
    expect(
      (await post({ filter: { closedFrom: '2026-02-01', closedTo: '2026-01-01' } }).expect(400))
        .body.message,
    ).toBe('closedTo must be later than closedFrom');
    expect((await post({ filter: { owner: 'me' } }).expect(400)).body.message).toContain(
      'owner should not exist',
    );
    expect(
      (await post({ filter: { tag: `no-such-tag-${randomUUID()}` } }).expect(422)).body.message,
    ).toBe('No thread you may see matches the filter: there is nothing to export');

    // One thread over the cap, by filter and by ids.
    const big = await createWebFormChannel(api.prisma);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    try {
      // In statements small enough that Prisma sends each as one.
      for (let made = 0; made <= MAX_THREADS_PER_PACKAGE; made += 1000) {
        await api.prisma.thread.createMany({
          data: Array.from({ length: Math.min(1000, MAX_THREADS_PER_PACKAGE + 1 - made) }, () => ({
            channelId: big.id,
            externalId: randomUUID(),
            lastMessageAt: longAgo,
          })),
        });
      }

      const tooMany = await post({ filter: { channelId: big.id } }).expect(422);
      expect(tooMany.body.message).toBe(
        `The selection holds ${MAX_THREADS_PER_PACKAGE + 1} threads; a record package holds at most ` +
          `${MAX_THREADS_PER_PACKAGE}. Narrow the filter (for example by closedFrom and closedTo) and export in parts.`,
      );
      const ids = await api.prisma.thread.findMany({
        where: { channelId: big.id },
        select: { id: true },
      });
      const tooManyIds = await post({ threadIds: ids.map((thread) => thread.id) }).expect(422);
      expect(tooManyIds.body.message).toContain(`holds ${MAX_THREADS_PER_PACKAGE + 1} threads`);
      expect(await api.prisma.recordExport.count()).toBe(exportsBefore);
    } finally {
      await api.prisma.channel.delete({ where: { id: big.id } });
    }
  });

  it('shows how far a build has come, a chunk of threads at a time', async () => {
    const channel = await createWebFormChannel(api.prisma, {}, byggTeam.id);
    const threads = [];
    for (let index = 0; index < 120; index += 1) {
      threads.push(
        await createThread(api.prisma, { channelId: channel.id, text: `Ärende ${index}` }),
      );
    }
    const progress: number[] = [];
    const built = await worker.get(RecordPackageBuilder).build(
      {
        id: randomUUID(),
        purpose: 'REGISTRATION',
        requestedAt: new Date().toISOString(),
        requestedBy: null,
        retentionRunId: null,
        selection: { filter: { channelId: channel.id } },
      },
      threads.map((thread) => thread.id),
      async (done) => void progress.push(done),
    );
    expect(built.threadIds).toHaveLength(120);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(120);

    // Through the API: the export's threadsDone only grows, up to threadCount.
    const accepted = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', lead)
      .send({ filter: { channelId: channel.id } })
      .expect(202);
    const seen: number[] = [];
    const finished = await eventually(
      async () => {
        const { body } = await request(api.server)
          .get(`/api/v1/record-exports/${accepted.body.id}`)
          .set('authorization', lead)
          .expect(200);
        expect(body.threadCount).toBe(120);
        seen.push(body.threadsDone);
        return body.status === 'DONE' ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 20, what: 'the export to finish' },
    );
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(finished.threadsDone).toBe(120);
  });

  it('answers 409 for a package that is not built yet', async () => {
    const waiting = await api.prisma.recordExport.create({
      data: {
        purpose: 'REGISTRATION',
        requestedById: adminId,
        selection: { threadIds: [february.id] },
        threadCount: 1,
      },
    });
    try {
      const pending = await download(waiting.id).expect(409);
      expect(JSON.parse((pending.body as Buffer).toString('utf8')).message).toBe(
        'The package is not ready yet (the export is QUEUED)',
      );
    } finally {
      await api.prisma.recordExport.delete({ where: { id: waiting.id } });
    }
  });

  it('builds an export whose job Redis lost, once the recovery sweep finds it', async () => {
    // No worker takes the job, and then Redis loses it, as a restart without persistence would.
    await worker.close();
    const accepted = await request(api.server)
      .post('/api/v1/record-exports')
      .set('authorization', admin)
      .send({ threadIds: [february.id] })
      .expect(202);
    const id = accepted.body.id as string;
    const queue = testQueue('record-export');
    try {
      expect(await queue.getJob(`record-export.${id}`)).toBeDefined();
      await queue.remove(`record-export.${id}`);
      expect(await queue.getJob(`record-export.${id}`)).toBeUndefined();
    } finally {
      await queue.close();
    }
    await api.prisma.recordExport.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });

    worker = await startWorker();
    const scheduler: ChildProcess = spawnApp('scheduler');
    try {
      const finished = await waitUntilFinished(id);
      expect(finished.status).toBe('DONE');
    } finally {
      scheduler.kill('SIGTERM');
      await exited(scheduler);
    }
  });

  it('archives threads for retention in this process, as a finished package', async () => {
    const run = await api.prisma.retentionRun.create({
      data: {
        policyName: 'Gallring efter två år',
        action: 'ARCHIVE_THEN_DELETE',
        closedBefore: new Date(),
      },
    });
    const archiver = worker.get(RecordArchiver);
    const id = await archiver.archive([otherTeams.id, randomUUID()], run.id);

    const stored = await api.prisma.recordExport.findUniqueOrThrow({ where: { id } });
    expect(stored).toEqual(
      expect.objectContaining({
        purpose: 'ARCHIVE',
        status: 'DONE',
        retentionRunId: run.id,
        requestedById: null,
        threadCount: 1,
        threadsDone: 1,
      }),
    );
    const zip = Buffer.from(stored.package!);
    expect(sha256(zip)).toBe(stored.sha256);
    expect(zip.length).toBe(stored.byteSize);
    const { record, pdf } = await openPackage(zip);
    expect(record.package).toEqual(
      expect.objectContaining({
        id,
        purpose: 'ARCHIVE',
        retentionRunId: run.id,
        requestedBy: null,
      }),
    );
    expect(record.threads.map((thread) => thread.id)).toEqual([otherTeams.id]);
    expect(pdf).toContain('archived by a retention run');

    const thread = await api.prisma.thread.findUniqueOrThrow({ where: { id: otherTeams.id } });
    expect(thread.lastRecordExportId).toBe(id);
    const downloaded = await download(id).expect(200);
    expect(sha256(downloaded.body as Buffer)).toBe(stored.sha256);
    const audit = await api.prisma.auditLog.findMany({
      where: { entityType: 'record_export', entityId: id },
    });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: null, action: 'record_export.completed' }),
    ]);

    // Nothing left to archive: nothing is stored.
    const before = await api.prisma.recordExport.count();
    await expect(archiver.archive([randomUUID()], run.id)).rejects.toThrow(
      'None of the selected threads exists any more',
    );
    expect(await api.prisma.recordExport.count()).toBe(before);
  });
});
