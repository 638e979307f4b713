import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditTrail } from '@svara/audit';
import { Conflict, NotFound, TimedOut, UpstreamFailed, withTimeout } from '@svara/common';
import { JobQueues, type QueueName } from '@svara/pipeline';
import {
  type JobActionDto,
  type ListedState,
  QUEUE_NAMES,
  type QueueDto,
  type QueueJobDto,
  type QueueJobPageDto,
} from './dto/queue.dto';
import { JobRetryRules } from './job-retry-rules';
import { isCatalogued, summarizeJob } from './job-summary';

/** An admin page waits this long for Redis before saying it does not answer. */
const REDIS_WAIT_MS = 5000;
const REASON_CHARS = 2000;

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** The queues of the job catalogue as an admin sees them: counts, jobs, retry and removal of failed ones. */
@Injectable()
export class QueueJobs {
  constructor(
    private readonly queues: JobQueues,
    private readonly rules: JobRetryRules,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<QueueDto[]> {
    return Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const counts = await this.redis(
          this.queues
            .queue(name)
            .getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
        );
        return {
          name,
          counts: {
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            completed: counts.completed ?? 0,
          },
        };
      }),
    );
  }

  async jobs(
    name: QueueName,
    state: ListedState,
    { offset, limit }: { offset: number; limit: number },
  ): Promise<QueueJobPageDto> {
    const queue = this.queues.queue(name);
    const types = state === 'waiting' ? (['waiting', 'prioritized'] as const) : [state];
    const [total, jobs] = await this.redis(
      Promise.all([
        queue.getJobCountByTypes(...types),
        queue.getJobs([...types], offset, offset + limit - 1),
      ]),
    );
    const data = jobs.filter((job): job is Job => Boolean(job)).map((job) => view(job, state));
    return { data, total, nextOffset: offset + limit < total ? offset + limit : null };
  }

  /**
   * Runs a failed job again with all its attempts, after its row is made one
   * its processor acts on (JobRetryRules). Written to the audit log.
   */
  async retry(name: QueueName, id: string, actorId: string): Promise<JobActionDto> {
    const job = await this.failedJob(name, id, 'retried');
    if (!isCatalogued(job.name)) {
      throw new Conflict(`Job "${job.name}" is not in the job catalogue; remove it instead`);
    }
    const reopened = await this.rules.reopen(job.name, job.data as never);
    try {
      await this.redis(
        job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }),
      );
    } catch (error) {
      if (error instanceof UpstreamFailed) throw error;
      // Taken meanwhile (the recovery sweep retries failed jobs of pending rows too).
      throw new Conflict(`The job is no longer failed: ${(error as Error).message}`);
    }
    await this.audit.record({
      actorId,
      action: 'queue_job.retried',
      entityType: 'queue_job',
      entityId: `${name}/${id}`,
      data: { ...this.auditData(name, job), reopened },
    });
    return { id, queue: name, outcome: 'waiting' };
  }

  /** Removes a failed job for good; its row (if any) stays as the job left it. */
  async remove(name: QueueName, id: string, actorId: string): Promise<JobActionDto> {
    const job = await this.failedJob(name, id, 'removed');
    await this.redis(job.remove());
    await this.audit.record({
      actorId,
      action: 'queue_job.removed',
      entityType: 'queue_job',
      entityId: `${name}/${id}`,
      data: this.auditData(name, job),
    });
    return { id, queue: name, outcome: 'removed' };
  }

  private async failedJob(name: QueueName, id: string, verb: string): Promise<Job> {
    const job = await this.redis(this.queues.queue(name).getJob(id));
    if (!job) throw new NotFound('Job');
    const state = await this.redis(job.getState());
    if (state !== 'failed') {
      throw new Conflict(`Only a failed job can be ${verb}; this one is ${state}`);
    }
    return job;
  }

  private auditData(name: QueueName, job: Job) {
    return {
      queue: name,
      jobId: job.id,
      job: job.name,
      details: summarizeJob(job.name, job.data),
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason?.slice(0, 500) ?? null,
    };
  }

  private async redis<T>(call: Promise<T>): Promise<T> {
    try {
      return await withTimeout(call, REDIS_WAIT_MS);
    } catch (error) {
      if (error instanceof TimedOut) throw new UpstreamFailed('Redis does not answer');
      throw error;
    }
  }
}

function view(job: Job, state: ListedState): QueueJobDto {
  return {
    id: job.id ?? '',
    name: job.name,
    state,
    details: summarizeJob(job.name, job.data),
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    // A completed job may carry the reason of an earlier attempt: not worth showing.
    failedReason:
      job.failedReason && state !== 'completed' ? job.failedReason.slice(0, REASON_CHARS) : null,
    addedAt: new Date(job.timestamp).toISOString(),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
  };
}
