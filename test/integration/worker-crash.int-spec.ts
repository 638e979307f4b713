import { Queue } from 'bullmq';
import { PrismaService } from '@svara/database';
import { InboundBatches, JobQueues, jobId } from '@svara/pipeline';
import {
  createWebFormChannel,
  eventually,
  exited,
  spawnApp,
  startApi,
  webFormItem,
  type RunningApi,
} from '@svara/testing';

// The worker runs as its own process (the built app), killed with SIGKILL in
// the middle of a large batch and started again.
describe('a worker killed mid-batch', () => {
  let api: RunningApi;
  let prisma: PrismaService;
  let queue: Queue;

  beforeAll(async () => {
    api = await startApi();
    prisma = api.prisma;
    queue = api.app.get(JobQueues).queue('ingest');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('loses nothing and duplicates nothing once restarted', async () => {
    const channel = await createWebFormChannel(prisma);
    const items = Array.from({ length: 4000 }, (_, i) =>
      webFormItem({ email: `person${i % 500}@example.se` }),
    );
    const batchId = await api.app.get(InboundBatches).accept(channel.id, 'FORM', items);

    const first = spawnApp('worker');
    await eventually(
      async () =>
        (await queue.getJobState(jobId.ingestBatch(batchId))) === 'active' ? true : undefined,
      { timeoutMs: 20_000, what: 'the worker to take the batch' },
    );
    first.kill('SIGKILL');
    await exited(first);
    expect((await prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe(
      'PENDING',
    );

    const second = spawnApp('worker');
    try {
      await eventually(
        async () => {
          const batch = await prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } });
          return batch.status === 'DONE' ? batch : undefined;
        },
        { timeoutMs: 40_000, intervalMs: 200, what: 'the restarted worker to finish the batch' },
      );
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true },
    });
    expect(messages).toHaveLength(items.length);
    expect(new Set(messages.map((message) => message.externalId))).toEqual(
      new Set(items.map((item) => item.id)),
    );
    const counted = await prisma.thread.aggregate({
      where: { channelId: channel.id },
      _sum: { messageCount: true },
    });
    expect(counted._sum.messageCount).toBe(items.length);
    expect(
      await prisma.contact.count({ where: { threads: { some: { channelId: channel.id } } } }),
    ).toBe(500);
  });

  it('finishes its running job before exiting on SIGTERM', async () => {
    const channel = await createWebFormChannel(prisma);
    // Large enough to be in flight when the signal arrives, small enough to finish well within 10 s.
    const items = Array.from({ length: 600 }, () => webFormItem());
    const batchId = await api.app.get(InboundBatches).accept(channel.id, 'FORM', items);
    const worker = spawnApp('worker');
    await eventually(
      async () =>
        (await queue.getJobState(jobId.ingestBatch(batchId))) === 'active' ? true : undefined,
      { timeoutMs: 20_000, what: 'the worker to take the batch' },
    );
    const stopping = Date.now();
    worker.kill('SIGTERM');
    // Nest re-raises the signal once shutdown is complete.
    expect(await exited(worker)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - stopping).toBeLessThan(10_000);
    const batch = await prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe('DONE');
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(items.length);
  });
});
