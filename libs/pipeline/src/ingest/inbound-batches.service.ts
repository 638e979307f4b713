import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Conflict, NotFound, wellFormedJson } from '@svara/common';
import {
  type ChannelType,
  type InboundBatchStatus,
  type InboundSource,
  inTransaction,
  PrismaService,
  type Sql,
} from '@svara/database';
import { DurableJobs } from '../queues/durable-jobs';
import { FreshBatches } from './fresh-batches';

/** Items in one inbound batch at most: what one ingest transaction writes. */
export const BATCH_ITEMS = 2000;

/** Batches kept in memory for this process's own ingest jobs (see FreshBatches). */
const FRESH_BATCHES = 8;
const FRESH_FOR_MS = 60_000;

/** An item ingest could not store while the rest of its batch was stored. */
export interface ParkedItem {
  index: number;
  item: unknown;
  reason: string;
}

export interface BatchSummary {
  id: string;
  channelId: string;
  source: InboundSource;
  status: InboundBatchStatus;
  itemCount: number;
  attempts: number;
  lastError: string | null;
  rejected: unknown;
  createdAt: Date;
  processedAt: Date | null;
}

const SUMMARY = {
  id: true,
  channelId: true,
  source: true,
  status: true,
  itemCount: true,
  attempts: true,
  lastError: true,
  rejected: true,
  createdAt: true,
  processedAt: true,
} as const;

/** A batch as an admin lists it: with the name and type of the channel it came from. */
export interface ListedBatch extends BatchSummary {
  channelName: string;
  channelType: ChannelType;
}

/** Parked items, one FAILED batch each, from the batch they came in. */
const PARK_ITEMS = `
  INSERT INTO inbound_batches (id, "channelId", source, items, "itemCount", status, attempts,
    "lastError", "processedAt")
  SELECT d.id, b."channelId", b.source, json_build_array(d.item), 1, 'FAILED', 1, d.reason, now()
  FROM inbound_batches b, json_to_recordset($2::json) AS d(id uuid, item json, reason text)
  WHERE b.id = $1::uuid`;

const MARK_DONE_WITH_PARKED = `
  UPDATE inbound_batches SET status = 'DONE', "processedAt" = now(), rejected = $2::jsonb,
    attempts = attempts + 1, "lastError" = NULL
  WHERE id = $1::uuid AND status = 'PENDING'`;

/**
 * Accepts raw items from a source. They are stored in Postgres before the
 * ingest job is queued, so a Redis outage or restart cannot lose them: the
 * recovery sweep queues any batch still pending.
 */
@Injectable()
export class InboundBatches {
  private readonly fresh = new FreshBatches(FRESH_BATCHES, FRESH_FOR_MS);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  /**
   * Stores the items, their text made storable (no NUL, no unpaired
   * surrogates): every intake passes here. Use inside a transaction that
   * also moves the source's cursor.
   */
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
      [channelId, source, wellFormedJson(items), items.length],
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
  enqueue(batchId: string, correlationId?: string): Promise<boolean> {
    return this.jobs.enqueue('ingest-batch', { batchId, correlationId });
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
   * Ends a batch whose other items were stored: each failing item becomes a
   * FAILED batch of its own with its reason (for an admin to look at and
   * retry), and the batch is marked done with its rejections, which name the
   * parked batches. One transaction: a crash leaves the batch pending, and
   * its next run stores nothing twice.
   */
  async parkItems(batchId: string, parked: ParkedItem[], rejected: object[]): Promise<string[]> {
    const rows = parked.map((entry) => ({
      id: randomUUID(),
      item: entry.item,
      reason: `item ${entry.index} of batch ${batchId}: ${entry.reason}`.slice(0, 2000),
    }));
    const rejections = [
      ...rejected,
      ...parked.map((entry, n) => ({
        index: entry.index,
        reason: entry.reason.slice(0, 2000),
        parkedBatchId: rows[n]!.id,
      })),
    ].sort((a, b) => (a as { index: number }).index - (b as { index: number }).index);
    await inTransaction(this.prisma.pool, async (sql) => {
      await sql.query(PARK_ITEMS, [batchId, wellFormedJson(rows)]);
      await sql.query(MARK_DONE_WITH_PARKED, [batchId, JSON.stringify(rejections)]);
    });
    return rows.map((row) => row.id);
  }

  /** Batches by status, oldest first (FAILED ones are what ingest gave up on), a page at a time. */
  async list(
    status: InboundBatchStatus,
    { limit, cursor }: { limit: number; cursor?: string },
  ): Promise<{ data: ListedBatch[]; nextCursor: string | null }> {
    const after = cursor
      ? await this.prisma.inboundBatch.findUnique({
          where: { id: cursor },
          select: { id: true, createdAt: true },
        })
      : undefined;
    if (cursor && !after) throw new NotFound('Inbound batch named by cursor');
    const rows = await this.prisma.inboundBatch.findMany({
      where: {
        status,
        ...(after && {
          OR: [
            { createdAt: { gt: after.createdAt } },
            { createdAt: after.createdAt, id: { gt: after.id } },
          ],
        }),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: { ...SUMMARY, channel: { select: { name: true, type: true } } },
    });
    const page = rows.slice(0, limit);
    return {
      data: page.map(({ channel, ...batch }) => ({
        ...batch,
        channelName: channel.name,
        channelType: channel.type,
      })),
      nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    };
  }

  /**
   * Gives a FAILED batch to ingest again, as a fresh job with all its
   * attempts. Returns the batch as it was before (for the audit entry).
   */
  async retry(batchId: string, correlationId?: string): Promise<BatchSummary> {
    const batch = await this.prisma.inboundBatch.findUnique({
      where: { id: batchId },
      select: SUMMARY,
    });
    if (!batch) throw new NotFound('Inbound batch');
    const reopened = await this.prisma.inboundBatch.updateMany({
      where: { id: batchId, status: 'FAILED' },
      data: { status: 'PENDING' },
    });
    if (reopened.count === 0) {
      throw new Conflict(`Only a FAILED batch can be retried; this one is ${batch.status}`);
    }
    await this.jobs.enqueueAfresh('ingest-batch', { batchId, correlationId });
    return batch;
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
    return this.jobs.requeueLost(
      'ingest-batch',
      stale.map(({ id }) => ({ batchId: id })),
    );
  }
}
