import type { INestApplicationContext } from '@nestjs/common';
import { FailedEscalationsCron } from '@svara/escalation';
import { InboundBatches, JobQueues, jobId } from '@svara/pipeline';
import type { Deadline } from '@svara/sla';
import {
  createSlaSetup,
  eventually,
  mailAbout,
  type RunningApi,
  SmtpReceiver,
  startApi,
  startScheduler,
  startWorker,
  submitWrittenAgo,
} from '@svara/testing';

const MINUTE = 60_000;

// A mail server down for longer than an escalation job's attempts: the job
// gives up, and the scheduler's sweep of failed escalations sends the mail
// once the server is back, once.
describe('escalation mail after a long mail-server outage', () => {
  let receiver: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let scheduler: INestApplicationContext;

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    // The scan must not queue the level itself: this test queues it with one attempt.
    const env = { SMTP_URL: receiver.url, SLA_SCAN_INTERVAL_SECONDS: '3600' };
    [api, worker, scheduler] = await Promise.all([
      startApi(env),
      startWorker(env),
      startScheduler(env),
    ]);
  });

  afterAll(async () => {
    await Promise.all([scheduler?.close(), worker?.close(), api?.close()]);
    await receiver?.stop();
  });

  /** A breached thread whose level-1 mail failed for good while the receiver was down. */
  async function failedEscalation() {
    const { prisma } = api;
    const { channel, lead } = await createSlaSetup(prisma, {
      escalationLevels: [{ level: 1, on: 'BREACH', recipients: { threadTeamLeads: true } }],
    });
    const thread = await submitWrittenAgo(
      prisma,
      api.app.get(InboundBatches),
      channel.id,
      61 * MINUTE,
    );
    const deadline = (thread.slaDeadlines as unknown as Deadline[])[0]!;
    await receiver.stop();
    const dueAt = new Date(deadline.dueAt);
    const id = jobId.notifyEscalation(thread.id, deadline.target, 1, dueAt);
    await api.app.get(JobQueues).add(
      'notify-escalation',
      {
        threadId: thread.id,
        target: deadline.target,
        level: 1,
        dueAt: deadline.dueAt,
        stepAt: deadline.dueAt,
      },
      { jobId: id, attempts: 1 },
    );
    const queue = api.app.get(JobQueues).queue('escalation');
    await eventually(
      async () => ((await (await queue.getJob(id))?.getState()) === 'failed' ? true : undefined),
      { what: 'the job to give up' },
    );
    expect(await prisma.escalation.findFirst({ where: { threadId: thread.id } })).toMatchObject({
      status: 'FAILED',
    });
    return { thread, lead };
  }

  it('is tried again by the sweep until it is sent, exactly once', async () => {
    const { prisma } = api;
    const { thread, lead } = await failedEscalation();
    const sweep = scheduler.get(FailedEscalationsCron);
    await receiver.listen();
    expect(await sweep.retry(0)).toBe(1);
    const [mail] = await receiver.waitFor(mailAbout(thread.id), { timeoutMs: 20_000 });
    expect(mail!.to).toEqual([lead.email]);
    await eventually(async () => {
      const row = await prisma.escalation.findFirstOrThrow({ where: { threadId: thread.id } });
      return row.status === 'SENT' ? row : undefined;
    });

    // Sent: nothing left for the sweep to try again.
    expect(await sweep.retry(0)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.mail.filter(mailAbout(thread.id))).toHaveLength(1);
  });

  it('stops trying once the deadline no longer runs', async () => {
    const { prisma } = api;
    const { thread } = await failedEscalation();
    // The thread was answered meanwhile: its deadlines are gone.
    await prisma.thread.update({ where: { id: thread.id }, data: { slaDeadlines: [] } });
    await receiver.listen();
    const sweep = scheduler.get(FailedEscalationsCron);
    expect(await sweep.retry(0)).toBe(1);
    await eventually(async () => {
      const row = await prisma.escalation.findFirstOrThrow({ where: { threadId: thread.id } });
      return row.status === 'SKIPPED' ? row : undefined;
    });
    expect(await sweep.retry(0)).toBe(0);
    expect(receiver.mail.filter(mailAbout(thread.id))).toHaveLength(0);
  });
});
