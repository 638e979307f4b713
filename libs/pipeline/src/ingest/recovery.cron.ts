import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RedisClient } from '@svara/database';
import { LeaderLease } from '../queues/leader-lease';
import { OutboundMessages } from '../outbound/outbound-messages.service';
import { InboundBatches } from './inbound-batches.service';

const SWEEP_EVERY_MS = 5_000;
/**
 * Work younger than this is left alone: its job is most likely being queued
 * right now. Older work is re-queued only when its job is missing from Redis,
 * so a short delay is safe.
 */
const STALE_AFTER_MS = 10_000;

/** Scheduler tick: re-queue accepted work whose jobs were lost. One replica at a time. */
@Injectable()
export class InboundRecoveryCron implements OnApplicationShutdown {
  private readonly logger = new Logger(InboundRecoveryCron.name);
  private readonly lease: LeaderLease;
  private running = false;

  constructor(
    redis: RedisClient,
    private readonly batches: InboundBatches,
    private readonly outbound: OutboundMessages,
  ) {
    this.lease = new LeaderLease(redis, redis.key('lease', 'inbound-recovery'), SWEEP_EVERY_MS * 3);
  }

  @Interval(SWEEP_EVERY_MS)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (await this.lease.acquire()) {
        await this.batches.requeueStale(STALE_AFTER_MS);
        await this.outbound.requeueStale(STALE_AFTER_MS);
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'recovery sweep failed');
    } finally {
      this.running = false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lease.release().catch(() => undefined);
  }
}
