import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@svara/common';
import { type InboundSource, PrismaService, type Sql } from '@svara/database';
import { jobId } from '../job-catalogue';
import { JobQueues } from '../queues/job-queues.service';
import { ENQUEUE_WAIT_MS } from '../queues/job-queues.service';
import { FreshBatches } from './fresh-batches';

/** Items in one inbound batch at most: what one ingest transaction writes. */
export const BATCH_ITEMS = 2000;

/** Batches kept in memory for this process's own ingest jobs (see FreshBatches). */
const FRESH_BATCHES = 8;
const FRESH_FOR_MS = 60_000;

/**
 * Accepts raw items from a source. They are stored in Postgres before the
 * ingest job is queued, so a Redis outage or restart cannot lose them: the
 * recovery sweep queues any batch still pending.
 */
@Injectable()
export class InboundBatches {
  private readonly logger = new Logger(InboundBatches.name);
  private readonly fresh = new FreshBatches(FRESH_BATCHES, FRESH_FOR_MS);

  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {}

  /** Stores the items; use inside a transaction that also moves the source's cursor. */
  async store(
    sql: Sql,
    channelId: string,
    source: InboundSource,
    items: unknown[],
  ): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO inbound_batches (id, "channelId", source, items, "itemCount")
       VALUES (gen_random_uuid(), $1::uuid, $2::"InboundSource", $3::json, $4)
       RETURNING id`,
      [channelId, source, JSON.stringify(items), items.length],
    );
    return rows[0]!.id;
  }

  /**
   * The items of a poll page this process stored a moment ago, once, so that
   * its ingest need not read them back; undefined when Postgres must be asked.
   */
  takeFresh(batchId: string): unknown[] | undefined {
    return this.fresh.take(batchId);
  }

  /**
   * Stores a poll's page of items as batches of at most BATCH_ITEMS, of equal
   * size, so each ingest transaction stays bounded in time and memory however
   * large the page. Use inside the transaction that also moves the source's cursor.
   */
  async storeInBatches(
    sql: Sql,
    channelId: string,
    source: InboundSource,
    items: unknown[],
  ): Promise<string[]> {
    const size = Math.ceil(items.length / Math.ceil(items.length / BATCH_ITEMS));
    const ids: string[] = [];
    for (let start = 0; start < items.length; start += size) {
      const part = items.slice(start, start + size);
      const batchId = await this.store(sql, channelId, source, part);
      // Polls run in the worker, whose ingest job can take the items from here.
      this.fresh.put(batchId, part);
      ids.push(batchId);
    }
    return ids;
  }

  /**
   * Queues a stored batch. Failing here loses nothing: the sweep retries. It
   * waits at most ENQUEUE_WAIT_MS, so intake answers during a Redis outage.
   */
  async enqueue(batchId: string, correlationId?: string): Promise<boolean> {
    try {
      await withTimeout(
        this.queues.add(
          'ingest-batch',
          { batchId, correlationId },
          { jobId: jobId.ingestBatch(batchId) },
        ),
        ENQUEUE_WAIT_MS,
      );
      return true;
    } catch (error) {
      this.logger.warn(
        { batchId, err: (error as Error).message },
        'ingest job not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  async accept(
    channelId: string,
    source: InboundSource,
    items: unknown[],
    correlationId?: string,
  ): Promise<string> {
    const batchId = await this.store(this.prisma.pool, channelId, source, items);
    await this.enqueue(batchId, correlationId);
    return batchId;
  }

  /**
   * Queues again every batch that has waited longer than `olderThanMs`: its
   * job was never queued, or Redis lost it. Jobs that exist are left alone;
   * ones that failed for good are retried. Returns how many were (re)queued.
   */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    const stale = await this.prisma.inboundBatch.findMany({
      where: { status: 'PENDING', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    const queue = this.queues.queue('ingest');
    let requeued = 0;
    for (const { id } of stale) {
      const job = await queue.getJob(jobId.ingestBatch(id));
      if (!job) {
        if (await this.enqueue(id)) requeued += 1;
      } else if ((await job.getState()) === 'failed') {
        await job.retry('failed');
        requeued += 1;
      }
    }
    if (requeued > 0) this.logger.log({ requeued }, 'requeued pending inbound batches');
    return requeued;
  }
}
