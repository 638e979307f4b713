import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RedisClient } from '@svara/database';
import { LeaderLease } from '../queues/leader-lease';
import { LeasedTick } from '../queues/leased-tick';
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
  private readonly ticks: LeasedTick;

  constructor(
    redis: RedisClient,
    private readonly batches: InboundBatches,
    private readonly outbound: OutboundMessages,
  ) {
    this.ticks = new LeasedTick(
      new LeaderLease(redis, redis.key('lease', 'inbound-recovery'), SWEEP_EVERY_MS * 3),
      new Logger(InboundRecoveryCron.name),
      'recovery sweep',
    );
  }

  @Interval(SWEEP_EVERY_MS)
  tick(): Promise<void> {
    return this.ticks.run(async () => {
      await this.batches.requeueStale(STALE_AFTER_MS);
      await this.outbound.requeueStale(STALE_AFTER_MS);
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.ticks.release();
  }
}
