import { Injectable } from '@nestjs/common';
import { NotFound } from '@svara/common';
import { jobId } from '../job-catalogue';
import { JobQueues } from '../queues/job-queues.service';

/** Queues recomputations of due times and reports how far one has come. */
@Injectable()
export class SlaRecomputations {
  constructor(private readonly queues: JobQueues) {}

  async request(subjectId: string, changedAt: Date, policyIds: string[]): Promise<string | null> {
    if (policyIds.length === 0) return null;
    const id = jobId.recomputeSla(subjectId, changedAt);
    await this.queues.add('recompute-sla', { policyIds }, { jobId: id });
    return id;
  }

  /** A recomputation a migration asked for; its job marks the request completed. */
  async requested(request: { id: string; requestedAt: Date; policyIds: string[] }): Promise<void> {
    await this.queues.add(
      'recompute-sla',
      { policyIds: request.policyIds, requestId: request.id },
      { jobId: jobId.recomputeSla(request.id, request.requestedAt) },
    );
  }

  async status(id: string) {
    const job = await this.queues.queue('sla-recompute').getJob(id);
    if (!job) throw new NotFound('Recomputation');
    return {
      id,
      state: await job.getState(),
      progress: job.progress,
      result: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
    };
  }
}
