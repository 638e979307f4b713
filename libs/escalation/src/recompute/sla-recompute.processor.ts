import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '@svara/database';
import { type JobOf, JobWorkers } from '@svara/pipeline';
import { ThreadSla } from '@svara/thread-sla';

export interface RecomputeProgress {
  done: number;
  total: number;
}

const CHUNK = 500;

/**
 * After a policy or calendar changed: re-derives the due times of every open
 * thread under the affected policies, a chunk per transaction, reporting
 * progress on the job.
 */
@Injectable()
export class SlaRecomputeProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly threadSla: ThreadSla,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(
      'sla-recompute',
      { 'recompute-sla': (job) => this.recompute(job) },
      { concurrency: 1 },
    );
  }

  async recompute(
    job: Pick<Job<JobOf<'recompute-sla'>>, 'data' | 'updateProgress'>,
  ): Promise<RecomputeProgress> {
    const { policyIds, requestId } = job.data;
    const affected = {
      status: { not: 'CLOSED' as const },
      OR: [
        { slaPolicyId: { in: policyIds } },
        { channel: { slaPolicyId: { in: policyIds } } },
        { team: { slaPolicyId: { in: policyIds } } },
      ],
    };
    const total = await this.prisma.thread.count({ where: affected });
    const progress: RecomputeProgress = { done: 0, total };
    await job.updateProgress({ ...progress });
    let after: string | undefined;
    for (;;) {
      const chunk = await this.prisma.thread.findMany({
        where: { ...affected, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: CHUNK,
        select: { id: true },
      });
      if (chunk.length === 0) break;
      const ids = chunk.map((row) => row.id);
      await this.prisma.$transaction((tx) => this.threadSla.recompute(tx, ids), {
        timeout: 60_000,
      });
      progress.done += ids.length;
      after = ids.at(-1);
      await job.updateProgress({ ...progress });
    }
    if (requestId) {
      await this.prisma.slaRecomputationRequest.updateMany({
        where: { id: requestId, completedAt: null },
        data: { completedAt: new Date() },
      });
    }
    return progress;
  }
}
