import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { InboundBatches, JobQueues } from '@svara/pipeline';
import { createWebFormChannel, eventually, startWorker, webFormItem } from '@svara/testing';

describe('ingest pipeline', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let batches: InboundBatches;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
    batches = worker.get(InboundBatches);
  });
  afterAll(() => worker?.close());

  const batchDone = (batchId: string) =>
    eventually(
      async () => {
        const batch = await prisma.inboundBatch.findUniqueOrThrow({ where: { id: batchId } });
        return batch.status === 'PENDING' ? undefined : batch;
      },
      { what: `batch ${batchId}` },
    );

  it('stores a submission delivered twice by the queue once', async () => {
    const channel = await createWebFormChannel(prisma);
    const item = webFormItem();
    const batchId = await batches.accept(channel.id, 'FORM', [item]);
    await batchDone(batchId);

    // At-least-once delivery: the same batch comes round again under another job id.
    await prisma.inboundBatch.update({ where: { id: batchId }, data: { status: 'PENDING' } });
    await worker
      .get(JobQueues)
      .add('ingest-batch', { batchId }, { jobId: `redelivery.${batchId}` });
    await batchDone(batchId);

    const messages = await prisma.message.findMany({ where: { channelId: channel.id } });
    expect(messages.map((message) => message.externalId)).toEqual([item.id]);
    const thread = await prisma.thread.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(thread.messageCount).toBe(1);
  });

  it('gives one message when two batches carry the same item', async () => {
    const channel = await createWebFormChannel(prisma);
    const item = webFormItem();
    const ids = await Promise.all([
      batches.accept(channel.id, 'FORM', [item]),
      batches.accept(channel.id, 'FORM', [item]),
    ]);
    const results = await Promise.all(ids.map(batchDone));
    expect(results.map((batch) => batch.status)).toEqual(['DONE', 'DONE']);
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(1);
    expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(1);
  });

  it('keeps unusable items with their reason and still stores the good ones', async () => {
    const channel = await createWebFormChannel(prisma);
    const good = webFormItem();
    const batchId = await batches.accept(channel.id, 'FORM', [
      { ...webFormItem(), email: '' },
      good,
      'not even an object',
    ]);
    const batch = await batchDone(batchId);
    expect(batch.status).toBe('DONE');
    expect(batch.rejected).toEqual([
      { index: 0, reason: 'submission has no email' },
      { index: 2, reason: 'submission is not an object' },
    ]);
    const messages = await prisma.message.findMany({ where: { channelId: channel.id } });
    expect(messages.map((message) => message.externalId)).toEqual([good.id]);
  });

  it('queues again a stored batch whose job Redis lost', async () => {
    const channel = await createWebFormChannel(prisma);
    const item = webFormItem();
    // Stored, but its job never reached Redis (or Redis restarted empty).
    const batchId = await batches.store(prisma, channel.id, 'FORM', [item]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await batches.requeueStale(10)).toBeGreaterThanOrEqual(1);
    expect((await batchDone(batchId)).status).toBe('DONE');
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(1);
  });

  it('processes a batch in one transaction: counters match the messages', async () => {
    const channel = await createWebFormChannel(prisma);
    const items = Array.from({ length: 250 }, () => webFormItem({ email: 'same@example.se' }));
    const batchId = await batches.accept(channel.id, 'FORM', items);
    await batchDone(batchId);
    const threads = await prisma.thread.findMany({ where: { channelId: channel.id } });
    expect(threads).toHaveLength(250);
    expect(threads.every((thread) => thread.messageCount === 1)).toBe(true);
    expect(new Set(threads.map((thread) => thread.contactId)).size).toBe(1);
  });
});
