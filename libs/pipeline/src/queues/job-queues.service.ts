import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '@svara/config';
import { JOB_QUEUE, type JobName, type JobOf, type QueueName } from '../job-catalogue';
import { bullConnection, bullPrefix } from './redis-connection';

/** How long a producer waits for Redis before leaving the job to the recovery sweep. */
export const ENQUEUE_WAIT_MS = 2000;

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** The one place producers add jobs: the catalogue decides the queue, the caller the id. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueues.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.config),
        prefix: bullPrefix(this.config),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      // Connection errors are retried by ioredis; log them instead of crashing on them.
      queue.on('error', (error) =>
        this.logger.warn({ queue: name, err: error.message }, 'queue connection error'),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<Name extends JobName>(
    name: Name,
    data: JobOf<Name>,
    options: JobsOptions & { jobId: string },
  ): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, data, options);
  }

  /** Many jobs of one name in one pipelined round trip to Redis. */
  async addBulk<Name extends JobName>(
    name: Name,
    jobs: readonly { data: JobOf<Name>; jobId: string }[],
    options: JobsOptions = {},
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(JOB_QUEUE[name]).addBulk(
      jobs.map(({ data, jobId }) => ({ name, data, opts: { ...options, jobId } })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
