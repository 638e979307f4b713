import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@svara/common';
import { DURABLE_JOBS, type DurableJobName, JOB_QUEUE, type JobOf } from '../job-catalogue';
import { ENQUEUE_WAIT_MS, JobQueues } from './job-queues.service';

/**
 * Jobs for work already stored as rows: queueing one never fails the caller
 * (a job Redis did not take is left to the recovery sweep), and the sweep
 * queues again what Redis lost. Ids, options and what to do with a job that
 * failed for good come from the catalogue's DURABLE_JOBS.
 */
@Injectable()
export class DurableJobs {
  private readonly logger = new Logger(DurableJobs.name);

  constructor(private readonly queues: JobQueues) {}

  /** Queues the job, waiting at most ENQUEUE_WAIT_MS; false when Redis did not take it. */
  enqueue<Name extends DurableJobName>(name: Name, data: JobOf<Name>): Promise<boolean> {
    return this.enqueueAll(name, [data]);
  }

  /** Queues the jobs in one round trip, as `enqueue` does one. */
  async enqueueAll<Name extends DurableJobName>(
    name: Name,
    data: readonly JobOf<Name>[],
  ): Promise<boolean> {
    if (data.length === 0) return true;
    try {
      await withTimeout(this.addAll(name, data), ENQUEUE_WAIT_MS);
      return true;
    } catch (error) {
      this.logger.warn(
        {
          job: name,
          jobs: data.length,
          jobId: this.idOf(name, data[0]!),
          err: (error as Error).message,
        },
        'job not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  /**
   * Many jobs of one name in one round trip, for a caller that is itself a
   * job: it throws when Redis does not take them, and the caller is retried.
   */
  async addAll<Name extends DurableJobName>(name: Name, data: readonly JobOf<Name>[]) {
    await this.queues.addBulk(
      name,
      data.map((one) => ({ data: one, jobId: this.idOf(name, one) })),
      DURABLE_JOBS[name].options,
    );
  }

  /**
   * Queues the work for another try with all its attempts. Its last job, kept
   * for inspection once finished, is removed first: a job id is taken while
   * its job exists. One still waiting or running is left to do the work.
   */
  async enqueueAfresh<Name extends DurableJobName>(
    name: Name,
    data: JobOf<Name>,
  ): Promise<boolean> {
    const jobId = this.idOf(name, data);
    try {
      const previous = await withTimeout(
        this.queues.queue(JOB_QUEUE[name]).getJob(jobId),
        ENQUEUE_WAIT_MS,
      );
      if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) {
        await previous.remove();
      }
    } catch (error) {
      this.logger.warn(
        { job: name, jobId, err: (error as Error).message },
        'last job not removed; the recovery sweep will queue the work',
      );
    }
    return this.enqueue(name, data);
  }

  /**
   * For each stored piece of work the caller found unfinished: queues its job
   * again when Redis has none, and applies the job's rule when it failed for
   * good. Returns how many were queued or retried.
   */
  async requeueLost<Name extends DurableJobName>(
    name: Name,
    unfinished: readonly JobOf<Name>[],
  ): Promise<number> {
    const queue = this.queues.queue(JOB_QUEUE[name]);
    const { whenFailed } = DURABLE_JOBS[name];
    let requeued = 0;
    for (const data of unfinished) {
      const job = await queue.getJob(this.idOf(name, data));
      if (!job) {
        if (await this.enqueue(name, data)) requeued += 1;
      } else if (whenFailed !== 'leave' && (await job.isFailed())) {
        await job.retry('failed', {
          resetAttemptsMade: whenFailed === 'retry-with-fresh-attempts',
        });
        requeued += 1;
      }
    }
    if (requeued > 0) this.logger.log({ job: name, requeued }, 'requeued lost or failed jobs');
    return requeued;
  }

  private idOf<Name extends DurableJobName>(name: Name, data: JobOf<Name>): string {
    return (DURABLE_JOBS[name].id as (data: JobOf<Name>) => string)(data);
  }
}
