import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { InboundBatches, JobQueues, MessageWriter, type NormalizedMessage } from '@svara/pipeline';
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
    const batchId = await batches.store(prisma.pool, channel.id, 'FORM', [item]);
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

  it('writes concurrent batches of new messages in the same threads without a deadlock', async () => {
    // A long backfill's pages, or a poll and webhooks, bring messages for the
    // same conversations in several batches at once; none may need a retry.
    const channel = await createWebFormChannel(prisma);
    const writer = worker.get(MessageWriter);
    const people = Array.from({ length: 200 }, (_, n) => n);
    const message = (person: number, copy: number): NormalizedMessage => ({
      externalId: `m-${person}-${copy}`,
      threadExternalId: `dm:${person}`,
      direction: 'INBOUND',
      contact: { type: 'FACEBOOK_PSID', scope: channel.id, value: `p-${person}` },
      text: `Fråga ${copy} från person ${person}`,
      attachments: [],
      automatic: false,
      sentAt: new Date(Date.now() - 60_000 + copy * 1000),
    });
    const write = async (messages: NormalizedMessage[]) => {
      const batchId = await batches.store(prisma.pool, channel.id, 'POLL', messages);
      await writer.writeBatch(batchId, channel.id, messages, []);
    };
    await write(people.map((person) => message(person, 0)));
    for (let round = 1; round <= 3; round += 1) {
      await Promise.all(
        [0, 1, 2, 3].map((lane) =>
          write(people.map((person) => message(person, round * 10 + lane))),
        ),
      );
    }
    const threads = await prisma.thread.findMany({ where: { channelId: channel.id } });
    expect(threads).toHaveLength(200);
    expect(threads.every((thread) => thread.messageCount === 13)).toBe(true);
  });
});
