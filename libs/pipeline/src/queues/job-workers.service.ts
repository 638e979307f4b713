import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { AppConfig } from '@svara/config';
import { SvaraMetrics } from '@svara/metrics';
import { type JobOf, type JobsOn, QUEUES, type QueueName, jobNamesOf } from '../job-catalogue';
import { bullConnection, bullPrefix } from './redis-connection';

/** One handler per job name of a queue; the compiler and the start-up check both insist. */
export type JobHandlers<Queue extends QueueName> = {
  [Name in JobsOn<Queue>]: (
    job: Job<JobOf<Name>, unknown, Name>,
    /** The worker's lock token, for handlers that postpone their job (moveToDelayed). */
    token?: string,
  ) => Promise<unknown>;
};

export class HandlerMismatch extends Error {}

/** Starts BullMQ workers and stops them gracefully (in-flight jobs finish) on shutdown. */
@Injectable()
export class JobWorkers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers = new Map<QueueName, Worker>();

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: SvaraMetrics,
  ) {}

  start<Queue extends QueueName>(
    queue: Queue,
    handlers: JobHandlers<Queue>,
    options: { concurrency: number },
  ): Worker {
    if (this.workers.has(queue)) throw new HandlerMismatch(`Queue "${queue}" has two workers`);
    const expected = jobNamesOf(queue).sort();
    const given = Object.keys(handlers).sort();
    if (expected.join() !== given.join()) {
      throw new HandlerMismatch(
        `Queue "${queue}" handles [${given.join(', ')}] but its jobs are [${expected.join(', ')}]`,
      );
    }
    const worker = new Worker(
      queue,
      async (job: Job, token?: string) => {
        const handler = (
          handlers as unknown as Record<
            string,
            ((job: Job, token?: string) => Promise<unknown>) | undefined
          >
        )[job.name];
        if (!handler) throw new HandlerMismatch(`No handler for job "${job.name}" on "${queue}"`);
        const timed = this.metrics.jobDuration.startTimer({ queue, job: job.name });
        try {
          const result = await handler(job, token);
          timed({ outcome: 'completed' });
          return result;
        } catch (error) {
          timed({ outcome: 'failed' });
          throw error;
        }
      },
      {
        connection: bullConnection(this.config),
        prefix: bullPrefix(this.config),
        concurrency: options.concurrency,
        lockDuration: this.config.jobLockSeconds * 1000,
        stalledInterval: Math.max(1000, (this.config.jobLockSeconds * 1000) / 2),
        maxStalledCount: 5,
      },
    );
    worker.on('failed', (job, error) =>
      this.logger.warn(
        { queue, job: job?.id, attempt: job?.attemptsMade, err: error.message },
        'job failed',
      ),
    );
    worker.on('error', (error) => this.logger.error({ queue, err: error.message }, 'worker error'));
    this.workers.set(queue, worker);
    return worker;
  }

  /**
   * For the worker, once every module has started its workers: a queue of
   * the catalogue that nothing consumes would take jobs that never run.
   */
  assertEveryQueueConsumed(): void {
    const idle = Object.values(QUEUES).filter((queue) => !this.workers.has(queue));
    if (idle.length > 0)
      throw new HandlerMismatch(`No worker consumes the queue(s) ${idle.join(', ')}`);
  }

  /** Runs before connections close, so jobs in flight can still finish their work. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.close()));
  }
}
