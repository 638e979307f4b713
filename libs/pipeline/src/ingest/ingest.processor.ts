import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { wellFormedDeep } from '@svara/common';
import { type Channel, type ChannelType, PrismaService } from '@svara/database';
import type { JobOf } from '../job-catalogue';
import { type ItemNormalizer, ITEM_NORMALIZERS, UnusableItem } from '../item-normalizer';
import {
  isMessageChange,
  isPlausibleTime,
  type MessageChange,
  type NormalizedMessage,
} from '../normalized-message';
import { InboxEvents, type InboxEventTarget } from '../events/inbox-events';
import { AttachmentIntake } from '../attachments/attachment-intake';
import { PendingAttachments } from '../attachments/pending-attachments.service';
import { JobWorkers } from '../queues/job-workers.service';
import { InboundBatches, type ParkedItem } from './inbound-batches.service';
import { isItemFailure, reasonOf } from './ingest-failures';
import { MessageWriter, type Rejection, type WriteResult } from './message-writer.service';

export type IngestOutcome =
  | (Omit<WriteResult, 'threads' | 'changedThreadIds' | 'pendingAttachments'> & {
      changed?: number;
      parked?: number;
    })
  | { skipped: string }
  | { parked: string };

interface Normalized {
  messages: { index: number; message: NormalizedMessage }[];
  /** Edits and removals of messages told of before. */
  changes: { index: number; change: MessageChange }[];
  rejected: Rejection[];
  failed: ParkedItem[];
}

@Injectable()
export class IngestProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestProcessor.name);
  private readonly normalizers: Map<ChannelType, ItemNormalizer>;

  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly writer: MessageWriter,
    private readonly batches: InboundBatches,
    private readonly events: InboxEvents,
    private readonly attachments: AttachmentIntake,
    private readonly pending: PendingAttachments,
    @Inject(ITEM_NORMALIZERS) normalizers: ItemNormalizer[],
  ) {
    this.normalizers = new Map();
    for (const normalizer of normalizers) {
      if (this.normalizers.has(normalizer.channelType)) {
        throw new Error(`Two normalizers for ${normalizer.channelType}`);
      }
      this.normalizers.set(normalizer.channelType, normalizer);
    }
  }

  onApplicationBootstrap(): void {
    this.workers.start('ingest', { 'ingest-batch': (job) => this.ingest(job) }, { concurrency: 4 });
  }

  async ingest(job: Job<JobOf<'ingest-batch'>>): Promise<IngestOutcome> {
    const { batchId, correlationId } = job.data;
    try {
      const fresh = this.batches.takeFresh(batchId);
      const batch = await this.prisma.inboundBatch.findUnique({
        where: { id: batchId },
        select: { status: true, items: fresh === undefined, channel: true },
      });
      if (!batch) return { skipped: 'batch no longer exists' };
      if (batch.status !== 'PENDING') return { skipped: `batch is ${batch.status}` };
      const items = (fresh ?? batch.items) as unknown[];

      const normalizer = this.normalizers.get(batch.channel.type);
      if (!normalizer) throw new Error(`No normalizer for channel type ${batch.channel.type}`);
      const normalized = await this.normalizeAll(items, normalizer, batch.channel);
      // Outside normalizeAll: a blob store that fails now fails the job, to be retried.
      for (const { message } of normalized.messages) {
        message.attachmentRows = await this.attachments.rowsOf(message);
        delete message.attachmentSources;
      }
      void job
        .updateProgress({
          normalized: normalized.messages.length,
          rejected: normalized.rejected.length,
        })
        .catch(() => undefined);

      if (normalized.failed.length === 0) {
        try {
          const { threads, changedThreadIds, pendingAttachments, ...written } =
            await this.writer.writeBatch(
              batchId,
              batch.channel.id,
              normalized.messages.map((entry) => entry.message),
              normalized.rejected,
              normalized.changes.map((entry) => entry.change),
            );
          const result = { ...written, changed: changedThreadIds.length };
          this.logger.log(
            { batchId, correlationId, ...result, rejected: normalized.rejected.length },
            'batch ingested',
          );
          await this.pending.enqueue(pendingAttachments, correlationId);
          await this.events.publish('message.created', threads);
          await this.events.threadsChanged('message.updated', changedThreadIds);
          return result;
        } catch (error) {
          if (!isItemFailure(error)) throw error;
          this.logger.warn(
            { batchId, correlationId, err: reasonOf(error) },
            'batch not stored; storing its items one by one',
          );
        }
      }
      return await this.ingestOneByOne(batchId, batch.channel.id, items, normalized, correlationId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.park(batchId, error);
      throw error;
    }
  }

  /**
   * Each item through its channel's normalizer, its text made storable. An
   * item the channel cannot use is rejected; one the normalizer fails on
   * otherwise (a bug met by odd input) is parked, the rest go on.
   */
  private async normalizeAll(
    items: unknown[],
    normalizer: ItemNormalizer,
    channel: Channel,
  ): Promise<Normalized> {
    const normalized: Normalized = { messages: [], changes: [], rejected: [], failed: [] };
    for (const [index, item] of items.entries()) {
      try {
        const output = await normalizer.normalize(item, channel);
        if (isMessageChange(output)) {
          normalized.changes.push({ index, change: wellFormedDeep(output) });
          continue;
        }
        // Attachment bytes bypass the text check: it would walk every byte.
        const { attachmentSources, ...fields } = output;
        const message: NormalizedMessage = { ...wellFormedDeep(fields), attachmentSources };
        if (!isPlausibleTime(message.sentAt)) throw new UnusableItem('its time is not a real date');
        normalized.messages.push({ index, message });
      } catch (error) {
        if (error instanceof UnusableItem) {
          normalized.rejected.push({ index, reason: error.reason });
        } else {
          normalized.failed.push({ index, item, reason: reasonOf(error) });
        }
      }
    }
    return normalized;
  }

  /**
   * A batch that failed for something in its data: each message in a
   * transaction of its own, so one bad item cannot keep the others out.
   * Items that fail again are parked with their reason; when none could be
   * stored the batch itself is parked. An error of the moment (not of the
   * data) ends the job, to be retried.
   */
  private async ingestOneByOne(
    batchId: string,
    channelId: string,
    items: unknown[],
    { messages, changes, rejected, failed }: Normalized,
    correlationId?: string,
  ): Promise<IngestOutcome> {
    const result = { inserted: 0, duplicates: 0, threadsTouched: 0, changed: 0 };
    const threads: InboxEventTarget[] = [];
    const changedThreadIds: string[] = [];
    let written = 0;
    const entries = [
      ...messages.map(({ index, message }) => ({ index, messages: [message], changes: [] })),
      // After every message, as in a whole batch: a change may be of a message above.
      ...changes.map(({ index, change }) => ({ index, messages: [], changes: [change] })),
    ];
    for (const { index, messages: one, changes: oneChange } of entries) {
      try {
        const stored = await this.writer.writeBatch(null, channelId, one, [], oneChange);
        result.inserted += stored.inserted;
        result.duplicates += stored.duplicates;
        result.threadsTouched += stored.threadsTouched;
        result.changed += stored.changedThreadIds.length;
        threads.push(...stored.threads);
        changedThreadIds.push(...stored.changedThreadIds);
        await this.pending.enqueue(stored.pendingAttachments, correlationId);
        written += 1;
      } catch (error) {
        if (!isItemFailure(error)) throw error;
        failed.push({ index, item: items[index], reason: reasonOf(error) });
      }
    }
    failed.sort((a, b) => a.index - b.index);
    if (written === 0 && failed.length > 0) {
      const reason =
        failed.length === 1
          ? `item ${failed[0]!.index}: ${failed[0]!.reason}`
          : `${failed.length} items could not be stored; item ${failed[0]!.index}: ${failed[0]!.reason}`;
      await this.park(batchId, new Error(reason));
      this.logger.warn({ batchId, correlationId, err: reason }, 'batch parked');
      return { parked: reason };
    }
    const parked = await this.batches.parkItems(batchId, failed, rejected);
    this.logger.log(
      { batchId, correlationId, ...result, rejected: rejected.length, parked: parked.length },
      'batch ingested item by item',
    );
    await this.events.publish('message.created', threads);
    await this.events.threadsChanged('message.updated', [...new Set(changedThreadIds)]);
    return { ...result, parked: parked.length };
  }

  /** Out of attempts: keep the batch, with its reason, for an operator to look at. */
  private async park(batchId: string, error: unknown): Promise<void> {
    const reason = reasonOf(error);
    await this.prisma.inboundBatch
      .updateMany({
        where: { id: batchId, status: 'PENDING' },
        data: { status: 'FAILED', lastError: reason.slice(0, 2000), attempts: { increment: 1 } },
      })
      .catch((parkError: unknown) =>
        this.logger.error({ batchId, err: String(parkError) }, 'could not park failed batch'),
      );
  }
}
