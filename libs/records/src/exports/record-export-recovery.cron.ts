import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RedisClient } from '@svara/database';
import { LeaderLease } from '@svara/pipeline';
import { RecordExportQueue } from './record-export-queue.service';

const SWEEP_EVERY_MS = 5_000;
/** Younger exports are most likely having their job queued right now. */
const STALE_AFTER_MS = 10_000;

/** Scheduler tick: queue again the record exports whose jobs were lost. One replica at a time. */
@Injectable()
export class RecordExportRecoveryCron implements OnApplicationShutdown {
  private readonly logger = new Logger(RecordExportRecoveryCron.name);
  private readonly lease: LeaderLease;
  private running = false;

  constructor(
    redis: RedisClient,
    private readonly exports: RecordExportQueue,
  ) {
    this.lease = new LeaderLease(
      redis,
      redis.key('lease', 'record-export-recovery'),
      SWEEP_EVERY_MS * 3,
    );
  }

  @Interval(SWEEP_EVERY_MS)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (await this.lease.acquire()) await this.exports.requeueStale(STALE_AFTER_MS);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'record export recovery sweep failed');
    } finally {
      this.running = false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lease.release().catch(() => undefined);
  }
}
