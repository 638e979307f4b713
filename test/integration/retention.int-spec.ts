import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { ChannelType, PrismaService } from '@svara/database';
import { RetentionCron } from '@svara/retention';
import {
  type RunningApi,
  createThread,
  createUser,
  eventually,
  login,
  startApi,
  startScheduler,
  startWorker,
  unzip,
} from '@svara/testing';

const DAY_MS = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

interface Run {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

describe('retention policies', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let auth: string;
  let webForm: { id: string };
  let email: { id: string };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(), startWorker()]);
    prisma = api.prisma;
    const admin = await createUser(prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
    [webForm, email] = await Promise.all([channel('WEB_FORM'), channel('EMAIL')]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  function channel(type: ChannelType) {
    return prisma.channel.create({
      data: { type, name: `${type} ${randomUUID().slice(0, 6)}`, backfillSince: new Date() },
    });
  }

  function contact(name: string) {
    const address = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@example.se`;
    return prisma.contact.create({
      data: {
        id: randomUUID(),
        displayName: name,
        email: address,
        identities: { create: { type: 'EMAIL', scope: 'global', value: address } },
      },
    });
  }

  /** A thread whose only tag is unique to the test, so policies never touch other tests' threads. */
  function closedThread(
    channelId: string,
    closedDaysAgo: number | null,
    tag: string,
    contactId: string | null = null,
  ) {
    return createThread(prisma, {
      channelId,
      contactId,
      tags: [tag],
      status: closedDaysAgo === null ? 'OPEN' : 'CLOSED',
      closedAt: closedDaysAgo === null ? null : daysAgo(closedDaysAgo),
      lastMessageAt: daysAgo((closedDaysAgo ?? 0) + 1),
      text: 'Mitt personnummer är 811218-9876 och jag bor på Storgatan 1.',
    });
  }

  async function createPolicy(body: Record<string, unknown>) {
    const response = await request(api.server)
      .post('/api/v1/retention-policies')
      .set('authorization', auth)
      .send({ name: `Policy ${randomUUID().slice(0, 8)}`, ...body })
      .expect(201);
    return response.body as { id: string; name: string };
  }

  async function runToEnd(policyId: string): Promise<Run> {
    const started = await request(api.server)
      .post(`/api/v1/retention-policies/${policyId}/runs`)
      .set('authorization', auth)
      .expect(202);
    return eventually(
      async () => {
        const run = await request(api.server)
          .get(`/api/v1/retention-runs/${started.body.id}`)
          .set('authorization', auth)
          .expect(200);
        return run.body.status === 'DONE' ? (run.body as Run) : undefined;
      },
      { what: 'the retention run to finish' },
    );
  }

  const exists = async (id: string) => (await prisma.thread.count({ where: { id } })) === 1;

  it('deletes exactly the threads its policy names, with their messages and unshared contacts', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const [alice, bob] = await Promise.all([contact('Alice Ek'), contact('Bo Ström')]);
    const due = await closedThread(webForm.id, 40, tag, alice.id);
    const dueSharedContact = await closedThread(webForm.id, 40, tag, bob.id);
    const keptRecent = await closedThread(webForm.id, 10, tag, bob.id);
    const keptOtherChannel = await closedThread(email.id, 40, tag);
    const keptOpen = await closedThread(webForm.id, null, tag);
    const policy = await createPolicy({
      action: 'DELETE',
      afterDays: 30,
      channelTypes: ['WEB_FORM'],
      tags: [tag],
    });

    const dryRun = await request(api.server)
      .get(`/api/v1/retention-policies/${policy.id}/dry-run`)
      .set('authorization', auth)
      .expect(200);
    expect(dryRun.body.total).toBe(2);
    expect(dryRun.body.threads.map((thread: { id: string }) => thread.id).sort()).toEqual(
      [due.id, dueSharedContact.id].sort(),
    );
    expect(await exists(due.id)).toBe(true);

    const run = await runToEnd(policy.id);
    expect(run.progress).toEqual({ done: 2, total: 2 });
    expect(await exists(due.id)).toBe(false);
    expect(await exists(dueSharedContact.id)).toBe(false);
    expect(
      await prisma.message.count({ where: { threadId: { in: [due.id, dueSharedContact.id] } } }),
    ).toBe(0);
    for (const kept of [keptRecent, keptOtherChannel, keptOpen]) {
      expect(await exists(kept.id)).toBe(true);
      expect(await prisma.message.count({ where: { threadId: kept.id } })).toBe(1);
    }
    // Alice had only the deleted thread; Bob still has a thread.
    expect(await prisma.contact.count({ where: { id: alice.id } })).toBe(0);
    expect(await prisma.contactIdentity.count({ where: { contactId: alice.id } })).toBe(0);
    expect(await prisma.contact.count({ where: { id: bob.id } })).toBe(1);

    const audit = await prisma.auditLog.findMany({
      where: { entityType: 'retention_run', entityId: run.id },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'retention_run.completed',
        data: expect.objectContaining({
          policyId: policy.id,
          policyName: policy.name,
          action: 'DELETE',
          threads: 2,
          messages: 2,
          contacts: 1,
        }),
      }),
    ]);

    // Applying it again takes nothing more.
    const again = await runToEnd(policy.id);
    expect(again.progress).toEqual({ done: 0, total: 0 });
    for (const kept of [keptRecent, keptOtherChannel, keptOpen])
      expect(await exists(kept.id)).toBe(true);

    const runs = await request(api.server)
      .get(`/api/v1/retention-policies/${policy.id}/runs`)
      .set('authorization', auth)
      .expect(200);
    expect(runs.body.map((entry: Run) => entry.id)).toEqual([again.id, run.id]);
  });

  it('anonymizes: personal data goes, the SLA figures and report stay the same', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const calendar = await prisma.businessCalendar.create({
      data: {
        name: `Calendar ${tag}`,
        weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })),
      },
    });
    const slaPolicy = await prisma.slaPolicy.create({
      data: { name: `SLA ${tag}`, calendarId: calendar.id, firstResponse: { minutes: 60 } },
    });
    const slaChannel = await prisma.channel.create({
      data: {
        type: 'EMAIL',
        name: `E-mail ${tag}`,
        slaPolicyId: slaPolicy.id,
        backfillSince: new Date(),
      },
    });
    const carol = await contact('Carol Nyström');
    const thread = await closedThread(slaChannel.id, 45, tag, carol.id);
    const other = await closedThread(slaChannel.id, 45, `${tag}-other`);
    const slaStartedAt = daysAgo(46);
    for (const [id, minutes] of [
      [thread.id, 42],
      [other.id, 90],
    ] as const) {
      await prisma.thread.update({
        where: { id },
        data: {
          slaPolicyId: slaPolicy.id,
          slaStartedAt,
          firstResponseAt: slaStartedAt,
          firstResponseMins: minutes,
          firstResponseMet: minutes <= 60,
        },
      });
    }
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const reportQuery = `from=${day(slaStartedAt)}&to=${day(new Date(slaStartedAt.getTime() + DAY_MS))}`;
    const report = () =>
      request(api.server)
        .get(`/api/v1/sla-report?${reportQuery}`)
        .set('authorization', auth)
        .expect(200)
        .then((response) =>
          response.body.rows.filter(
            (row: { channelId: string }) => row.channelId === slaChannel.id,
          ),
        );
    const reportBefore = await report();
    expect(reportBefore).toEqual([expect.objectContaining({ threads: 2, answeredInTime: 1 })]);

    const policy = await createPolicy({ action: 'ANONYMIZE', afterDays: 30, tags: [tag] });
    const run = await runToEnd(policy.id);
    expect(run.progress).toEqual({ done: 1, total: 1 });

    const anonymized = await prisma.thread.findUniqueOrThrow({
      where: { id: thread.id },
      include: { messages: true },
    });
    expect(anonymized).toMatchObject({
      subject: null,
      contactId: null,
      containsIdentityNumber: false,
      anonymizedAt: expect.any(Date),
      status: 'CLOSED',
      slaStartedAt,
      firstResponseMins: 42,
      firstResponseMet: true,
      messageCount: 1,
    });
    expect(anonymized.messages).toEqual([
      expect.objectContaining({
        direction: 'INBOUND',
        text: '',
        authorName: null,
        authorAddress: null,
        html: null,
        quotedText: null,
      }),
    ]);
    expect(await prisma.contact.count({ where: { id: carol.id } })).toBe(0);
    expect(await report()).toEqual(reportBefore);
    const untouched = await prisma.message.findFirstOrThrow({ where: { threadId: other.id } });
    expect(untouched.text).toContain('Storgatan 1');

    // A second run finds the thread already anonymized and leaves it as it is.
    const again = await runToEnd(policy.id);
    expect(again.progress).toEqual({ done: 0, total: 0 });
    const after = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after.anonymizedAt).toEqual(anonymized.anonymizedAt);
  });

  it('archives due threads as a record package before it deletes them', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const due = await Promise.all([
      closedThread(email.id, 400, tag),
      closedThread(webForm.id, 400, tag),
    ]);
    const kept = await closedThread(email.id, 100, tag);
    const policy = await createPolicy({
      action: 'ARCHIVE_THEN_DELETE',
      afterDays: 365,
      tags: [tag],
    });

    const run = await runToEnd(policy.id);
    expect(run.progress).toEqual({ done: 2, total: 2 });
    for (const thread of due) expect(await exists(thread.id)).toBe(false);
    expect(await exists(kept.id)).toBe(true);

    const archives = await prisma.recordExport.findMany({ where: { retentionRunId: run.id } });
    expect(archives).toEqual([
      expect.objectContaining({ purpose: 'ARCHIVE', status: 'DONE', threadCount: 2 }),
    ]);
    const [archive] = archives;
    expect(createHash('sha256').update(archive!.package!).digest('hex')).toBe(archive!.sha256);
    const files = await unzip(Buffer.from(archive!.package!));
    const record = JSON.parse(files.get('record.json')!.data.toString('utf8')) as {
      threads: { id: string; messages: { text: string }[] }[];
    };
    expect(record.threads.map((thread) => thread.id).sort()).toEqual(
      due.map((thread) => thread.id).sort(),
    );
    // The package is the record: it keeps what the inbox no longer holds.
    expect(record.threads[0]!.messages[0]!.text).toContain('Storgatan 1');

    const [audit] = await prisma.auditLog.findMany({
      where: { entityType: 'retention_run', entityId: run.id },
    });
    expect(audit?.data).toMatchObject({ threads: 2, archiveIds: [archive!.id] });
  });

  it('previews an unsaved rule and validates policies with clear errors', async () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const due = await closedThread(webForm.id, 8, tag);
    await closedThread(webForm.id, 3, tag);
    const preview = await request(api.server)
      .post('/api/v1/retention-policies/dry-run')
      .set('authorization', auth)
      .send({ action: 'DELETE', afterDays: 7, tags: [tag.toUpperCase()] })
      .expect(200);
    expect(preview.body).toMatchObject({ action: 'DELETE', total: 1, threads: [{ id: due.id }] });
    expect(await exists(due.id)).toBe(true);

    const invalid = await request(api.server)
      .post('/api/v1/retention-policies')
      .set('authorization', auth)
      .send({ name: 'Bad', action: 'SHRED', afterDays: 0, channelTypes: ['FAX'] })
      .expect(400);
    const problems = JSON.stringify(invalid.body);
    for (const field of ['action', 'afterDays', 'channelTypes']) expect(problems).toContain(field);

    const policy = await createPolicy({ action: 'DELETE', afterDays: 365 });
    await request(api.server)
      .post('/api/v1/retention-policies')
      .set('authorization', auth)
      .send({ name: policy.name, action: 'DELETE', afterDays: 30 })
      .expect(409);
    const updated = await request(api.server)
      .patch(`/api/v1/retention-policies/${policy.id}`)
      .set('authorization', auth)
      .send({ afterDays: 400, enabled: false })
      .expect(200);
    expect(updated.body).toMatchObject({ action: 'DELETE', afterDays: 400, enabled: false });

    const agent = await createUser(prisma, { role: 'AGENT' });
    await request(api.server)
      .get('/api/v1/retention-policies')
      .set('authorization', await login(api, agent.email))
      .expect(403);
  });

  it('starts each enabled policy once a day however many schedulers ask, and prunes expired records', async () => {
    // Only this test's policy may be enabled while the daily start runs.
    await prisma.retentionPolicy.updateMany({ data: { enabled: false } });
    const tag = `t${randomUUID().slice(0, 8)}`;
    const due = await closedThread(webForm.id, 20, tag);
    const policy = await createPolicy({ action: 'DELETE', afterDays: 14, tags: [tag] });
    await createPolicy({ action: 'DELETE', afterDays: 14, tags: [`${tag}-x`], enabled: false });

    const user = await createUser(prisma, { role: 'AGENT' });
    const kept = await closedThread(webForm.id, 1, tag);
    const [oldAccess, recentAccess] = await Promise.all([
      prisma.threadAccess.create({
        data: { userId: user.id, threadId: kept.id, openedAt: daysAgo(400) },
      }),
      prisma.threadAccess.create({ data: { userId: user.id, threadId: kept.id } }),
    ]);
    const batch = (status: 'DONE' | 'FAILED', processedDaysAgo: number) =>
      prisma.inboundBatch.create({
        data: {
          channelId: webForm.id,
          source: 'FORM',
          items: [{ message: 'raw' }],
          itemCount: 1,
          status,
          processedAt: daysAgo(processedDaysAgo),
        },
      });
    const [oldDone, recentDone, oldFailed] = await Promise.all([
      batch('DONE', 40),
      batch('DONE', 2),
      batch('FAILED', 40),
    ]);

    const schedulers = await Promise.all([startScheduler(), startScheduler()]);
    try {
      const starts = await Promise.all(schedulers.map((app) => app.get(RetentionCron).daily()));
      expect(starts.filter((start) => start !== null)).toEqual([
        { day: expect.any(String), runs: 1 },
      ]);
      expect(await schedulers[0].get(RetentionCron).daily()).toBeNull();
    } finally {
      await Promise.all(schedulers.map((app) => app.close()));
    }

    const runs = await prisma.retentionRun.findMany({ where: { policyId: policy.id } });
    expect(runs).toEqual([expect.objectContaining({ startedById: null })]);
    await eventually(
      async () => {
        const pending = [
          await exists(due.id),
          await prisma.threadAccess.count({ where: { id: oldAccess.id } }),
          await prisma.inboundBatch.count({ where: { id: oldDone.id } }),
        ];
        return pending.every((left) => !left) || undefined;
      },
      { what: 'the daily run and the pruning' },
    );
    expect(await exists(kept.id)).toBe(true);
    expect(await prisma.threadAccess.count({ where: { id: recentAccess.id } })).toBe(1);
    expect(
      await prisma.inboundBatch.count({ where: { id: { in: [recentDone.id, oldFailed.id] } } }),
    ).toBe(2);
  });
});
