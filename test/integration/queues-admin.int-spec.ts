import type { INestApplicationContext } from '@nestjs/common';
import { Worker } from 'bullmq';
import request from 'supertest';
import { loadConfig } from '@svara/config';
import {
  InboundBatches,
  JOB_QUEUE,
  type JobName,
  type JobOf,
  bullConnection,
  bullPrefix,
  jobId,
} from '@svara/pipeline';
import {
  type RunningApi,
  SmtpReceiver,
  createThread,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  testEnv,
  testQueue,
  webFormItem,
} from '@svara/testing';

// Web-form replies fail for real while the worker has no mail server
// (SMTP_URL unset); once an admin gives it one, a retry from the queues API
// sends the reply once.
describe('queues for admins', () => {
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let admin: { id: string; token: string };
  let agentToken: string;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    [api, worker] = await Promise.all([startApi({ SMTP_URL: smtp.url }), startWorker()]);
    const adminUser = await createUser(api.prisma, { role: 'ADMIN' });
    admin = { id: adminUser.id, token: await login(api, adminUser.email) };
    agentToken = await login(api, (await createUser(api.prisma, { role: 'AGENT' })).email);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await smtp?.stop();
  });

  /** A citizen's web-form thread and an admin's reply to it whose send job failed for good. */
  async function failedReply(email: string, text: string) {
    const channel = await createWebFormChannel(api.prisma);
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({ name: 'Åsa Öberg', email, message: 'Hej, när töms containern?' })
      .expect(202);
    const thread = await eventually(
      async () =>
        (await api.prisma.thread.findFirst({
          where: { channelId: channel.id, externalId: accepted.body.id as string },
        })) ?? undefined,
      { what: 'the submission to become a thread' },
    );
    const reply = await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', admin.token)
      .send({ text })
      .expect(201);
    const messageId = reply.body.id as string;
    const outbound = testQueue('outbound');
    try {
      await eventually(
        async () => {
          const job = await outbound.getJob(jobId.sendMessage(messageId));
          return (await job?.getState()) === 'failed' ? true : undefined;
        },
        { timeoutMs: 20_000, what: 'the send job to fail' },
      );
    } finally {
      await outbound.close();
    }
    const message = await api.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.deliveryStatus).toBe('FAILED');
    return { messageId, jobId: jobId.sendMessage(messageId) };
  }

  const get = (path: string, token = admin.token) =>
    request(api.server).get(`/api/v1${path}`).set('authorization', token);
  const post = (path: string, token = admin.token) =>
    request(api.server).post(`/api/v1${path}`).set('authorization', token);
  const del = (path: string, token = admin.token) =>
    request(api.server).delete(`/api/v1${path}`).set('authorization', token);

  it('lists a failed job with its reason, retries it once the cause is fixed, and audits it', async () => {
    const retried = await failedReply('asa.queues@example.se', 'Hej Åsa! På fredag.');
    const removed = await failedReply('bo.queues@example.se', 'Hej Bo! På måndag.');

    const queues = await get('/queues').expect(200);
    expect(queues.body.data.map((queue: { name: string }) => queue.name)).toEqual([
      'ingest',
      'poll',
      'outbound',
      'escalation',
      'sla-recompute',
      'retention',
      'record-export',
      'attachments',
    ]);
    const outbound = queues.body.data.find((queue: { name: string }) => queue.name === 'outbound');
    expect(outbound.counts.failed).toBeGreaterThanOrEqual(2);

    const failed = await get('/queues/outbound/jobs?state=failed&limit=100').expect(200);
    const listed = failed.body.data.find((job: { id: string }) => job.id === retried.jobId);
    expect(listed).toMatchObject({
      name: 'send-message',
      state: 'failed',
      details: [{ name: 'message', value: retried.messageId }],
      failedReason: expect.stringContaining('SMTP_URL is not set'),
    });
    // Nothing of the reply's text or the citizen's address is shown.
    expect(JSON.stringify(failed.body)).not.toMatch(/Åsa|asa\.queues|fredag/);

    // The admin gives the worker its mail server, then retries.
    await worker!.close();
    worker = await startWorker({ SMTP_URL: smtp.url, MAIL_FROM: 'kundtjanst@kommun.se' });
    await post(`/queues/outbound/jobs/${retried.jobId}/retry`)
      .expect(202)
      .expect({ id: retried.jobId, queue: 'outbound', outcome: 'waiting' });
    const [mail] = await smtp.waitFor((m) => m.to.includes('asa.queues@example.se'), {
      timeoutMs: 20_000,
    });
    expect(mail!.parsed.text).toContain('På fredag');
    await eventually(
      async () => {
        const row = await api.prisma.message.findUniqueOrThrow({
          where: { id: retried.messageId },
        });
        return row.deliveryStatus === 'SENT' ? row : undefined;
      },
      { what: 'the reply to be marked sent' },
    );
    await eventually(
      async () => {
        const completed = await get('/queues/outbound/jobs?state=completed&limit=100').expect(200);
        return completed.body.data.some((job: { id: string }) => job.id === retried.jobId)
          ? true
          : undefined;
      },
      { what: 'the job to be listed as completed' },
    );
    // Done: not retried twice, and sent once.
    await post(`/queues/outbound/jobs/${retried.jobId}/retry`).expect(409);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mail.filter((m) => m.to.includes('asa.queues@example.se'))).toHaveLength(1);

    // The other failed reply is removed: its job is gone, the reply stays FAILED for its agent.
    await del(`/queues/outbound/jobs/${removed.jobId}`)
      .expect(200)
      .expect({ id: removed.jobId, queue: 'outbound', outcome: 'removed' });
    const after = await get('/queues/outbound/jobs?state=failed&limit=100').expect(200);
    expect(after.body.data.map((job: { id: string }) => job.id)).not.toContain(removed.jobId);
    expect(
      (await api.prisma.message.findUniqueOrThrow({ where: { id: removed.messageId } }))
        .deliveryStatus,
    ).toBe('FAILED');
    await del(`/queues/outbound/jobs/${removed.jobId}`).expect(404);

    const audit = await api.prisma.auditLog.findMany({
      where: { entityType: 'queue_job', actorId: admin.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['queue_job.retried', `outbound/${retried.jobId}`],
      ['queue_job.removed', `outbound/${removed.jobId}`],
    ]);
    expect(audit[0]!.data).toMatchObject({
      queue: 'outbound',
      job: 'send-message',
      reopened: { row: 'message', id: retried.messageId, from: 'FAILED', to: 'QUEUED' },
    });
    const listedAudit = await get('/audit-log?entityType=queue_job').expect(200);
    expect(listedAudit.body.data).toHaveLength(2);
  });

  /**
   * A job whose every attempt failed for a cause of the moment (here a
   * stand-in worker that always throws, while the real one is stopped).
   */
  async function failedForGood<Name extends JobName>(name: Name, data: JobOf<Name>, id: string) {
    await worker?.close();
    worker = undefined;
    const config = loadConfig(testEnv());
    const failing = new Worker(
      JOB_QUEUE[name],
      async () => {
        throw new Error('connection to the database was lost');
      },
      { connection: bullConnection(config), prefix: bullPrefix(config) },
    );
    const queue = testQueue(JOB_QUEUE[name]);
    try {
      await queue.add(name, data, { jobId: id, attempts: 1 });
      await eventually(
        async () => ((await (await queue.getJob(id))?.getState()) === 'failed' ? true : undefined),
        { what: `the ${name} job to fail` },
      );
    } finally {
      await failing.close();
      await queue.close();
    }
  }

  it('gives a batch ingest parked back to ingest when its job is retried', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const item = webFormItem({ subject: 'Gatlykta' });
    const batchId = await api.app
      .get(InboundBatches)
      .store(api.prisma.pool, channel.id, 'FORM', [item]);
    await failedForGood('ingest-batch', { batchId }, jobId.ingestBatch(batchId));
    // As the last attempt leaves it: parked.
    await api.prisma.inboundBatch.update({
      where: { id: batchId },
      data: { status: 'FAILED', lastError: 'connection to the database was lost', attempts: 1 },
    });

    worker = await startWorker();
    await post(`/queues/ingest/jobs/${jobId.ingestBatch(batchId)}/retry`).expect(202);
    await eventually(
      async () => {
        const row = await api.prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } });
        return row.status === 'DONE' ? row : undefined;
      },
      { what: 'the batch to be ingested' },
    );
    expect(
      await api.prisma.thread.count({ where: { channelId: channel.id, externalId: item.id } }),
    ).toBe(1);
    const audit = await api.prisma.auditLog.findFirstOrThrow({
      where: { action: 'queue_job.retried', entityId: `ingest/${jobId.ingestBatch(batchId)}` },
    });
    expect(audit.data).toMatchObject({
      reopened: { row: 'inbound_batch', id: batchId, from: 'FAILED', to: 'PENDING' },
    });
  });

  it('builds a record export whose job failed for good once it is retried', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const thread = await createThread(api.prisma, {
      channelId: channel.id,
      subject: 'Bygglov för förråd',
      status: 'CLOSED',
      closedAt: new Date(),
    });
    const requested = await api.prisma.recordExport.create({
      data: {
        purpose: 'REGISTRATION',
        requestedById: admin.id,
        selection: { threadIds: [thread.id] },
        threadCount: 1,
      },
    });
    await failedForGood(
      'build-record-package',
      { exportId: requested.id },
      jobId.buildRecordPackage(requested.id),
    );
    // As the last attempt leaves it: FAILED, which the build skips.
    await api.prisma.recordExport.update({
      where: { id: requested.id },
      data: {
        status: 'FAILED',
        error: 'connection to the database was lost',
        finishedAt: new Date(),
      },
    });

    worker = await startWorker();
    await post(`/queues/record-export/jobs/${jobId.buildRecordPackage(requested.id)}/retry`).expect(
      202,
    );
    const built = await eventually(
      async () => {
        const row = await api.prisma.recordExport.findUniqueOrThrow({
          where: { id: requested.id },
        });
        return row.status === 'DONE' ? row : undefined;
      },
      { timeoutMs: 30_000, what: 'the record package to be built' },
    );
    expect(built).toMatchObject({ threadCount: 1, error: null });
    expect(built.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is for admins only', async () => {
    await get('/queues', agentToken).expect(403);
    await get('/queues/outbound/jobs', agentToken).expect(403);
    await post('/queues/outbound/jobs/send.x/retry', agentToken).expect(403);
    await del('/queues/outbound/jobs/send.x', agentToken).expect(403);
    await request(api.server).get('/api/v1/queues').expect(401);
  });

  it('names what it refuses', async () => {
    await get('/queues/no-such-queue/jobs').expect(404);
    const badState = await get('/queues/outbound/jobs?state=stuck').expect(400);
    expect(JSON.stringify(badState.body)).toContain('state must be one of failed, delayed');
    await get('/queues/outbound/jobs?limit=0').expect(400);
    await post('/queues/outbound/jobs/send.no-such-job/retry').expect(404);
    await post(`/queues/outbound/jobs/${encodeURIComponent('a:b')}/retry`).expect(404);
    await del('/queues/no-such-queue/jobs/send.x').expect(404);
  });
});
