import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RedisClient } from '@svara/database';
import { LeaderLease, LeasedTick } from '@svara/pipeline';
import { RecordExportQueue } from './record-export-queue.service';

const SWEEP_EVERY_MS = 5_000;
/** Younger exports are most likely having their job queued right now. */
const STALE_AFTER_MS = 10_000;

/** Scheduler tick: queue again the record exports whose jobs were lost. One replica at a time. */
@Injectable()
export class RecordExportRecoveryCron implements OnApplicationShutdown {
  private readonly ticks: LeasedTick;

  constructor(
    redis: RedisClient,
    private readonly exports: RecordExportQueue,
  ) {
    this.ticks = new LeasedTick(
      new LeaderLease(redis, redis.key('lease', 'record-export-recovery'), SWEEP_EVERY_MS * 3),
      new Logger(RecordExportRecoveryCron.name),
      'record export recovery sweep',
    );
  }

  @Interval(SWEEP_EVERY_MS)
  tick(): Promise<void> {
    return this.ticks.run(() => this.exports.requeueStale(STALE_AFTER_MS));
  }

  onApplicationShutdown(): Promise<void> {
    return this.ticks.release();
  }
}
