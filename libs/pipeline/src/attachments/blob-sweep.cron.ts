import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { jobId } from '../job-catalogue';
import { JobQueues } from '../queues/job-queues.service';
import { type DailyRun, LeasedSchedules } from '../queues/leased-schedules';

/**
 * Scheduler side of the blob sweep: once a day (BLOB_SWEEP_AT in
 * RETENTION_TIME_ZONE) queues a sweep-blobs job for a worker.
 */
@Injectable()
export class BlobSweepCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(BlobSweepCron.name);
  private dailyRun?: DailyRun<{ day: string }>;

  constructor(
    private readonly config: AppConfig,
    private readonly schedules: LeasedSchedules,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    const { blobSweepAt, timeZone } = this.config.retention;
    this.dailyRun = this.schedules.daily(
      'blob-sweep',
      { at: blobSweepAt, timeZone },
      (day) => this.queueSweep(day),
      { logger: this.logger },
    );
  }

  /** Queues the day's sweep once, however many scheduler replicas call it. */
  daily(now = new Date()): Promise<{ day: string } | null> {
    if (!this.dailyRun) throw new Error('The blob sweep schedule has not started');
    return this.dailyRun.runFor(now);
  }

  private async queueSweep(day: string): Promise<{ day: string }> {
    await this.queues.add('sweep-blobs', { day }, { jobId: jobId.sweepBlobs(day) });
    this.logger.log({ day }, 'blob sweep queued');
    return { day };
  }
}
