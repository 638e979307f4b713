import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { type AppConfig, loadConfig } from '@svara/config';
import {
  bullConnection,
  bullPrefix,
  DURABLE_JOBS,
  DurableJobs,
  JobQueues,
  jobId,
} from '@svara/pipeline';
import { eventually, testEnv } from '@svara/testing';

describe('durable jobs: queued from their rows, and again when Redis lost them', () => {
  // A prefix of its own: no other test's worker takes these jobs.
  const env = testEnv({
    REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-stack-${randomBytes(4).toString('hex')}`,
  });
  const config: AppConfig = loadConfig(env);
  const queues = new JobQueues(config);
  const jobs = new DurableJobs(queues);

  afterAll(async () => {
    for (const name of ['ingest', 'outbound', 'escalation'] as const) {
      await queues.queue(name).obliterate({ force: true });
    }
    await queues.onApplicationShutdown();
  });

  /** Runs the queue's jobs once each, failing every one, until `count` have failed for good. */
  async function failAll(queueName: 'ingest' | 'outbound' | 'escalation', count: number) {
    const worker = new Worker(
      queueName,
      async () => {
        throw new Error('the source said no');
      },
      { connection: bullConnection(config), prefix: bullPrefix(config) },
    );
    try {
      await eventually(async () =>
        (await queues.queue(queueName).getFailedCount()) >= count ? true : undefined,
      );
    } finally {
      await worker.close();
    }
  }

  it('queues work with the id and options the catalogue gives it', async () => {
    const messageId = randomUUID();
    expect(await jobs.enqueue('send-message', { messageId })).toBe(true);
    const job = await queues.queue('outbound').getJob(jobId.sendMessage(messageId));
    expect(job?.data).toEqual({ messageId });
    expect(job?.opts.attempts).toBe(DURABLE_JOBS['send-message'].options.attempts);
    // Queued twice, it is one job.
    expect(await jobs.enqueue('send-message', { messageId })).toBe(true);
    expect(await queues.queue('outbound').getWaitingCount()).toBe(1);
  });

  it('queues lost work again, and treats work that failed for good by its rule', async () => {
    const lost = randomUUID();
    const failed = randomUUID();
    const queue = queues.queue('ingest');
    // One batch whose job failed for good: one attempt, so it fails at once.
    await queue.add(
      'ingest-batch',
      { batchId: failed },
      { jobId: jobId.ingestBatch(failed), attempts: 1 },
    );
    await failAll('ingest', 1);

    const requeued = await jobs.requeueLost('ingest-batch', [
      { batchId: lost },
      { batchId: failed },
    ]);
    expect(requeued).toBe(2);
    expect(await (await queue.getJob(jobId.ingestBatch(lost)))?.getState()).toBe('waiting');
    expect(await (await queue.getJob(jobId.ingestBatch(failed)))?.getState()).toBe('waiting');
    // Work whose job waits is left alone.
    expect(await jobs.requeueLost('ingest-batch', [{ batchId: lost }])).toBe(0);
  });

  it('leaves a failed send to the agent, and queues a resend afresh', async () => {
    const messageId = randomUUID();
    const queue = queues.queue('outbound');
    await queue.obliterate({ force: true });
    await queue.add(
      'send-message',
      { messageId },
      { jobId: jobId.sendMessage(messageId), attempts: 1 },
    );
    await failAll('outbound', 1);

    expect(await jobs.requeueLost('send-message', [{ messageId }])).toBe(0);
    expect(await (await queue.getJob(jobId.sendMessage(messageId)))?.getState()).toBe('failed');

    expect(await jobs.enqueueAfresh('send-message', { messageId })).toBe(true);
    const fresh = await queue.getJob(jobId.sendMessage(messageId));
    expect(await fresh?.getState()).toBe('waiting');
    expect(fresh?.attemptsMade).toBe(0);
    expect(fresh?.opts.attempts).toBe(6);
  });

  it('gives an escalation mail that failed for good all its attempts again', async () => {
    const escalation = {
      threadId: randomUUID(),
      target: 'firstResponse' as const,
      level: 1,
      dueAt: '2026-12-07T08:00:00.000Z',
      stepAt: '2026-12-07T08:00:00.000Z',
    };
    const id = DURABLE_JOBS['notify-escalation'].id(escalation);
    const queue = queues.queue('escalation');
    // Handed over by the scan under the catalogue's id; failed for good after one attempt here.
    await jobs.addAll('notify-escalation', [escalation]);
    expect((await queue.getJob(id))?.data).toEqual(escalation);
    await (await queue.getJob(id))!.remove();
    await queue.add('notify-escalation', escalation, { jobId: id, attempts: 1 });
    await failAll('escalation', 1);
    const failed = await queue.getJob(id);
    expect(failed?.attemptsMade).toBeGreaterThan(0);

    expect(await jobs.requeueLost('notify-escalation', [escalation])).toBe(1);
    const retried = await queue.getJob(id);
    expect(await retried?.getState()).toBe('waiting');
    expect(retried?.attemptsMade).toBe(0);
  });
});
