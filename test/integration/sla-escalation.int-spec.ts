import type { ChildProcess } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { moveThreadsOn, SlaScan } from '@svara/escalation';
import { InboundBatches, type JobOf, JobQueues } from '@svara/pipeline';
import { ThreadSla } from '@svara/thread-sla';
import request from 'supertest';
import {
  createSlaSetup,
  createWebFormChannel,
  escalationQueueDrained,
  eventually,
  exited,
  login,
  mailAbout,
  SmtpReceiver,
  spawnApp,
  startApi,
  startWorker,
  type RunningApi,
  submitWrittenAgo,
} from '@svara/testing';

const MINUTE = 60_000;
const PUBLIC_URL = 'https://svara.kommun.test';

describe('SLA escalation e-mails', () => {
  let api: RunningApi;
  let prisma: PrismaService;
  let batches: InboundBatches;
  let receiver: SmtpReceiver;
  let threadSla: ThreadSla;

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    api = await startApi();
    prisma = api.prisma;
    batches = api.app.get(InboundBatches);
    threadSla = new ThreadSla(prisma);
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  const submit = (channelId: string, agoMs: number) =>
    submitWrittenAgo(prisma, batches, channelId, agoMs);

  describe('with two scheduler replicas and a worker that restarts', () => {
    const children: ChildProcess[] = [];
    const stop = async (child: ChildProcess) => {
      child.kill('SIGTERM');
      await exited(child);
    };
    afterAll(async () => {
      await Promise.all(children.map(stop));
    });

    it('sends exactly one e-mail per level', async () => {
      const { channel, lead } = await createSlaSetup(prisma, {
        firstResponse: { minutes: 60, warnBeforeMinutes: 10 },
        escalationLevels: ({ teamId }) => [
          { level: 1, on: 'WARNING', recipients: { threadTeamLeads: true } },
          { level: 2, on: 'BREACH', recipients: { teamIds: [teamId] } },
          {
            level: 3,
            on: 'BREACH',
            afterMinutes: 1,
            recipients: { addresses: ['forvaltningschef@kommun.test'] },
          },
        ],
      });
      const env = { SLA_SCAN_INTERVAL_SECONDS: '1', SMTP_URL: receiver.url, PUBLIC_URL };
      children.push(spawnApp('scheduler', env), spawnApp('scheduler', env));
      const firstWorker = spawnApp('worker', env);
      children.push(firstWorker);

      // Once the worker takes work: a thread written 60 min 40 s ago is warned
      // and breached already, and level 3 falls due in about 20 s.
      await submit((await createWebFormChannel(prisma)).id, 0);
      const thread = await submit(channel.id, 60 * MINUTE + 40_000);
      expect(thread.firstResponseDueAt!.getTime()).toBe(
        (
          await prisma.message.findFirstOrThrow({ where: { threadId: thread.id } })
        ).sentAt.getTime() +
          60 * MINUTE,
      );

      const early = await receiver.waitFor(mailAbout(thread.id), { count: 2, timeoutMs: 20_000 });
      expect(early.map((mail) => mail.to)).toEqual([[lead.email], [lead.email]]);

      // The worker has recorded both outcomes; then it dies without warning.
      await eventually(
        async () =>
          (await prisma.escalation.count({ where: { threadId: thread.id, status: 'SENT' } })) === 2
            ? true
            : undefined,
        { timeoutMs: 10_000, what: 'both sends to be recorded' },
      );
      firstWorker.kill('SIGKILL');
      await exited(firstWorker);
      const secondWorker = spawnApp('worker', env);
      children.push(secondWorker);

      const all = await receiver.waitFor(mailAbout(thread.id), { count: 3, timeoutMs: 60_000 });
      expect(all.at(-1)!.to).toEqual(['forvaltningschef@kommun.test']);

      // The scan finds the thread again (as after a crash before it moved the
      // thread on): every level is queued again, and none is mailed twice.
      await prisma.thread.update({
        where: { id: thread.id },
        data: { nextEscalationAt: new Date(Date.now() - 1000) },
      });
      await eventually(
        async () => {
          const t = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
          return t.nextEscalationAt === null || t.nextEscalationAt > new Date() ? t : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 200, what: 'a scan to look at the thread again' },
      );
      await eventually(() => escalationQueueDrained(api.app.get(JobQueues)), {
        timeoutMs: 20_000,
        intervalMs: 200,
      });

      expect(receiver.mail.filter(mailAbout(thread.id))).toHaveLength(3);
      const rows = await prisma.escalation.findMany({
        where: { threadId: thread.id },
        orderBy: { level: 'asc' },
      });
      expect(rows.map((row) => [row.level, row.status, row.attempts])).toEqual([
        [1, 'SENT', 1],
        [2, 'SENT', 1],
        [3, 'SENT', 1],
      ]);
      expect(rows[2]!.recipients).toEqual(['forvaltningschef@kommun.test']);
      expect(rows.every((row) => row.sentAt && row.smtpResponse?.startsWith('250'))).toBe(true);
      const after = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(after).toMatchObject({ slaState: 'BREACHED', escalationLevel: 3 });
    });
  });

  describe('with a worker and a scan in this process', () => {
    let worker: INestApplicationContext;
    let scan: SlaScan;

    beforeAll(async () => {
      worker = await startWorker({ SMTP_URL: receiver.url, PUBLIC_URL });
      scan = new SlaScan(prisma, api.app.get(JobQueues));
    });
    afterAll(() => worker?.close());

    const breachOnly = ({ teamId }: { teamId: string }) => [
      { level: 1, on: 'BREACH', recipients: { teamIds: [teamId] } },
    ];

    it('says which thread, channel and target, how late, with a link, in Swedish and English', async () => {
      for (const locale of ['sv', 'en']) {
        const { channel } = await createSlaSetup(prisma, {
          escalationLevels: breachOnly,
          locale,
        });
        const thread = await submit(channel.id, 75 * MINUTE);
        await scan.scan();
        const [mail] = await receiver.waitFor(mailAbout(thread.id));
        const { parsed } = mail!;
        expect(parsed.headers.find((h) => h.key === 'auto-submitted')?.value).toBe(
          'auto-generated',
        );
        expect(parsed.html).toContain(`href="${PUBLIC_URL}/threads/${thread.id}"`);
        expect(parsed.text).toContain(channel.name);
        if (locale === 'sv') {
          expect(parsed.subject).toBe(
            `[Svara] Försenat: Sophämtning – första svar 15 min sent (${channel.name})`,
          );
        } else {
          expect(parsed.subject).toBe(
            `[Svara] Overdue: Sophämtning – first response 15 min late (${channel.name})`,
          );
        }
      }
    });

    it('sends nothing when an agent replied before the due time', async () => {
      const { channel } = await createSlaSetup(prisma, {
        firstResponse: { minutes: 60, warnAtPercent: 50 },
        escalationLevels: ({ teamId }) => [
          { level: 1, on: 'WARNING', recipients: { teamIds: [teamId] } },
          { level: 2, on: 'BREACH', recipients: { teamIds: [teamId] } },
        ],
      });
      const thread = await submit(channel.id, 20 * MINUTE);
      // The reply is accepted by the channel (what SendProcessor reports) at 20 minutes.
      await threadSla.responseSent(thread.id, new Date());
      const answered = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(answered).toMatchObject({
        firstResponseDueAt: null,
        firstResponseMet: true,
        nextEscalationAt: null,
      });
      // Past the due time, a scan finds nothing to escalate for it.
      await scan.scan(new Date(Date.now() + 45 * MINUTE));
      await eventually(() => escalationQueueDrained(api.app.get(JobQueues)), {
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      expect(await prisma.escalation.count({ where: { threadId: thread.id } })).toBe(0);
    });

    it('counts the municipality’s own message seen on the channel (an echo) as a response', async () => {
      const { channel } = await createSlaSetup(prisma, { escalationLevels: breachOnly });
      const thread = await submit(channel.id, 5 * MINUTE);
      const writer = worker.get(
        (await import('../../libs/pipeline/src/ingest/message-writer.service')).MessageWriter,
      );
      const batch = await prisma.inboundBatch.create({
        data: { channelId: channel.id, source: 'POLL', items: [], itemCount: 1 },
      });
      await writer.writeBatch(
        batch.id,
        channel.id,
        [
          {
            externalId: `echo-${thread.id}`,
            threadExternalId: thread.externalId,
            direction: 'OUTBOUND',
            text: 'Tack, vi tittar på det.',
            attachments: [],
            automatic: false,
            sentAt: new Date(),
          },
        ],
        [],
      );
      const answered = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(answered.firstResponseDueAt).toBeNull();
      expect(answered.firstResponseAt).not.toBeNull();
      expect(answered.firstResponseMins).toBe(5);
    });

    it('pauses while PENDING: the due time moves by the time spent waiting', async () => {
      const { channel } = await createSlaSetup(prisma, { escalationLevels: breachOnly });
      const thread = await submit(channel.id, 50 * MINUTE);
      const due = thread.firstResponseDueAt!;
      const pausedAt = new Date();
      await prisma.$transaction(async (tx) => {
        await tx.thread.update({ where: { id: thread.id }, data: { status: 'PENDING' } });
        await threadSla.statusChanged(tx, thread.id, 'OPEN', 'PENDING', pausedAt);
      });
      const paused = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(paused).toMatchObject({
        firstResponseDueAt: null,
        nextEscalationAt: null,
        slaState: 'OK',
      });
      // Past the original due time nothing is escalated.
      expect((await scan.scan(new Date(due.getTime() + 5 * MINUTE))).escalations).toBe(0);

      const resumedAt = new Date(pausedAt.getTime() + 30 * MINUTE);
      await prisma.$transaction(async (tx) => {
        await tx.thread.update({ where: { id: thread.id }, data: { status: 'OPEN' } });
        await threadSla.statusChanged(tx, thread.id, 'PENDING', 'OPEN', resumedAt);
      });
      const resumed = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(resumed.firstResponseDueAt!.getTime()).toBe(due.getTime() + 30 * MINUTE);
      expect(await prisma.escalation.count({ where: { threadId: thread.id } })).toBe(0);
    });

    it('stops the clocks when CLOSED and starts a next-response clock on reopening', async () => {
      const { channel, policy } = await createSlaSetup(prisma, { escalationLevels: breachOnly });
      await prisma.slaPolicy.update({
        where: { id: policy.id },
        data: { nextResponse: { minutes: 30 } },
      });
      const thread = await submit(channel.id, MINUTE);
      await threadSla.responseSent(thread.id, new Date());
      const closedAt = new Date();
      await prisma.$transaction((tx) =>
        threadSla.statusChanged(tx, thread.id, 'OPEN', 'CLOSED', closedAt),
      );
      expect(await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
        slaState: 'NONE',
        nextSlaCheckAt: null,
        resolutionDueAt: null,
      });
      const reopenedAt = new Date(closedAt.getTime() + 1000);
      await prisma.$transaction((tx) =>
        threadSla.statusChanged(tx, thread.id, 'CLOSED', 'OPEN', reopenedAt),
      );
      const reopened = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
      expect(reopened.nextResponseDueAt!.getTime()).toBe(reopenedAt.getTime() + 30 * MINUTE);
      expect(reopened.slaState).toBe('OK');
    });

    it('follows what agents do through the API: PENDING pauses, a sent reply answers', async () => {
      const { channel, lead } = await createSlaSetup(prisma, { escalationLevels: breachOnly });
      const thread = await submit(channel.id, 10 * MINUTE);
      const due = thread.firstResponseDueAt!;
      const auth = await login(api, lead.email);
      const patch = (version: number, status: string) =>
        request(api.server)
          .patch(`/api/v1/threads/${thread.id}`)
          .set('authorization', auth)
          .send({ version, status })
          .expect(200);

      const paused = await patch(thread.version, 'PENDING');
      expect(paused.body).toMatchObject({ status: 'PENDING', firstResponseDueAt: null });
      const resumed = await patch(paused.body.version, 'OPEN');
      expect(new Date(resumed.body.firstResponseDueAt).getTime()).toBeGreaterThan(due.getTime());

      await request(api.server)
        .post(`/api/v1/threads/${thread.id}/replies`)
        .set('authorization', auth)
        .send({ text: 'Tack, vi hämtar i morgon.' })
        .expect(201);
      const answered = await eventually(async () => {
        const row = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
        return row.firstResponseMet ? row : undefined;
      });
      expect(answered).toMatchObject({ firstResponseDueAt: null, nextEscalationAt: null });
      await scan.scan(new Date(due.getTime() + 60 * MINUTE));
      expect(await prisma.escalation.count({ where: { threadId: thread.id } })).toBe(0);
    });

    it('sends no e-mail for deadlines that passed before the channel was created', async () => {
      const { channel } = await createSlaSetup(prisma, {
        escalationLevels: breachOnly,
        channelCreatedAt: new Date(),
      });
      const thread = await submit(channel.id, 3 * 60 * MINUTE);
      expect(thread).toMatchObject({ slaState: 'BREACHED', escalationLevel: 1 });
      expect(thread.nextEscalationAt).toBeNull();
      expect((await scan.scan()).escalations).toBe(0);
      expect(await prisma.escalation.count({ where: { threadId: thread.id } })).toBe(0);
    });
  });

  describe('with more due threads than one page of the scan', () => {
    const THREADS = 3000;
    let scan: SlaScan;

    beforeAll(() => {
      scan = new SlaScan(prisma, api.app.get(JobQueues));
    });

    it('hands every level over once, and every thread moves on once handed over', async () => {
      const { channel } = await createSlaSetup(prisma, {
        escalationLevels: ({ teamId }) => [
          { level: 1, on: 'BREACH', recipients: { teamIds: [teamId] } },
        ],
      });
      // A worker ingests one thread, then stops: the scan's hand-over stays in the queue.
      const worker = await startWorker({ SMTP_URL: receiver.url, PUBLIC_URL });
      const template = await submit(channel.id, 61 * MINUTE).finally(() => worker.close());
      await prisma.$executeRaw`
        INSERT INTO threads (id, "channelId", "externalId", "contactId", subject, "teamId",
          "slaPolicyId", "lastMessageAt", "firstResponseDueAt", "nextSlaCheckAt", "slaState",
          "escalationLevel", "slaClocks", "slaDeadlines", "nextEscalationAt", "slaStartedAt",
          "updatedAt")
        SELECT gen_random_uuid(), t."channelId", t."externalId" || '-' || g, t."contactId",
          t.subject, t."teamId", t."slaPolicyId", t."lastMessageAt", t."firstResponseDueAt",
          t."nextSlaCheckAt", t."slaState", t."escalationLevel", t."slaClocks", t."slaDeadlines",
          t."nextEscalationAt", t."slaStartedAt", now()
        FROM threads t, generate_series(2, ${THREADS}) g WHERE t.id = ${template.id}::uuid`;
      const threads = await prisma.thread.findMany({
        where: { channelId: channel.id },
        select: { id: true, nextEscalationAt: true },
      });
      expect(threads).toHaveLength(THREADS);
      const ours = new Set(threads.map((thread) => thread.id));
      const queue = api.app.get(JobQueues).queue('escalation');
      const handedOver = async () => {
        const jobs = (await queue.getJobs(['waiting'])).filter(
          (job) =>
            job.name === 'queue-escalations' &&
            (job.data as JobOf<'queue-escalations'>).escalations.some((e) => ours.has(e.threadId)),
        );
        const levels = jobs.flatMap((job) =>
          (job.data as JobOf<'queue-escalations'>).escalations.filter((e) => ours.has(e.threadId)),
        );
        return { jobs, levels };
      };

      const state = () =>
        prisma.thread.groupBy({
          by: ['slaState', 'escalationLevel', 'nextEscalationAt'],
          where: { channelId: channel.id },
          _count: true,
        });
      const seeded = await state();
      const now = new Date();
      await scan.scan(now);
      const first = await handedOver();
      try {
        expect(first.levels).toHaveLength(THREADS);
        expect(new Set(first.levels.map((e) => e.threadId)).size).toBe(THREADS);
        expect(first.levels.every((e) => e.level === 1 && e.target === 'firstResponse')).toBe(true);
        // The scan writes nothing: the worker moves the threads on.
        expect(await state()).toEqual(seeded);

        // A scan that runs again before the threads moved on (a crash, a second
        // replica) hands the same escalations over as the same jobs: nothing new.
        await scan.scan(now);
        const again = await handedOver();
        expect(again.jobs.map((job) => job.id).sort()).toEqual(
          first.jobs.map((job) => job.id).sort(),
        );

        // What the worker does with each hand-over once its levels are queued.
        for (const job of first.jobs) {
          await moveThreadsOn(prisma, (job.data as JobOf<'queue-escalations'>).moves ?? []);
        }
        expect(await state()).toEqual([
          { slaState: 'BREACHED', escalationLevel: 1, nextEscalationAt: null, _count: THREADS },
        ]);
        // Once moved on, they are not found again.
        await scan.scan(now);
        expect((await handedOver()).jobs).toHaveLength(first.jobs.length);
      } finally {
        // No worker runs here: leave nothing for one started later in the run.
        await Promise.all(first.jobs.map((job) => job.remove()));
      }
    });
  });
});
