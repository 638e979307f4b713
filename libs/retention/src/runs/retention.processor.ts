import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { type JobOf, JobWorkers } from '@svara/pipeline';
import { ExpiredRecords } from '../prune/expired-records.service';
import { RetentionApplier } from './retention-applier.service';

/** Worker side of retention: applies runs and prunes expired records, one job at a time. */
@Injectable()
export class RetentionProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly workers: JobWorkers,
    private readonly applier: RetentionApplier,
    private readonly expired: ExpiredRecords,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(
      'retention',
      {
        'apply-retention': (job) => this.applyRun(job),
        'prune-expired': () => this.expired.prune(),
      },
      { concurrency: 1 },
    );
  }

  private async applyRun(job: Job<JobOf<'apply-retention'>>) {
    try {
      return await this.applier.apply(job.data.runId, (progress) => job.updateProgress(progress));
    } catch (error) {
      // Earlier attempts are retried and resume where they stopped; the last one marks the run.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.applier.fail(job.data.runId, (error as Error).message);
      }
      throw error;
    }
  }
}
