import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { type ChannelType, PrismaService } from '@svara/database';
import type { JobOf } from '../job-catalogue';
import { type ItemNormalizer, ITEM_NORMALIZERS, UnusableItem } from '../item-normalizer';
import type { NormalizedMessage } from '../normalized-message';
import { InboxEvents } from '../events/inbox-events';
import { JobWorkers } from '../queues/job-workers.service';
import { InboundBatches } from './inbound-batches.service';
import { MessageWriter, type Rejection, type WriteResult } from './message-writer.service';

export type IngestOutcome = Omit<WriteResult, 'threads'> | { skipped: string };

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
      const messages: NormalizedMessage[] = [];
      const rejected: Rejection[] = [];
      for (const [index, item] of items.entries()) {
        try {
          messages.push(await normalizer.normalize(item, batch.channel));
        } catch (error) {
          if (!(error instanceof UnusableItem)) throw error;
          rejected.push({ index, reason: error.reason });
        }
      }
      void job
        .updateProgress({ normalized: messages.length, rejected: rejected.length })
        .catch(() => undefined);

      const { threads, ...result } = await this.writer.writeBatch(
        batchId,
        batch.channel.id,
        messages,
        rejected,
      );
      this.logger.log(
        { batchId, correlationId, ...result, rejected: rejected.length },
        'batch ingested',
      );
      await this.events.publish('message.created', threads);
      return result;
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.park(batchId, error);
      throw error;
    }
  }

  /** Out of attempts: keep the batch, with its reason, for an operator to look at. */
  private async park(batchId: string, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
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
