import { Injectable } from '@nestjs/common';
import { NotFound } from '@svara/common';
import { PrismaService, type RetentionPolicy, type RetentionRun } from '@svara/database';
import { DurableJobs } from '@svara/pipeline';
import { closedBeforeFor } from '../policies/retention-selection';

const RECENT_RUNS = 50;

export function retentionRunView(run: RetentionRun) {
  return {
    id: run.id,
    policyId: run.policyId,
    policyName: run.policyName,
    action: run.action,
    closedBefore: run.closedBefore,
    status: run.status,
    startedById: run.startedById,
    progress: { done: run.done, total: run.total },
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/** Starting retention runs (daily or by hand), and reading how far they came. */
@Injectable()
export class RetentionRuns {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  /** Records the run first, so that a job lost from Redis is found and queued again. */
  async start(policy: RetentionPolicy, startedById: string | null, now = new Date()) {
    const run = await this.prisma.retentionRun.create({
      data: {
        policyId: policy.id,
        policyName: policy.name,
        action: policy.action,
        closedBefore: closedBeforeFor(policy, now),
        startedById,
      },
    });
    await this.jobs.enqueue('apply-retention', { runId: run.id });
    return retentionRunView(run);
  }

  async recent(policyId: string) {
    const runs = await this.prisma.retentionRun.findMany({
      where: { policyId },
      orderBy: { startedAt: 'desc' },
      take: RECENT_RUNS,
    });
    return runs.map(retentionRunView);
  }

  async get(id: string) {
    const run = await this.prisma.retentionRun.findUnique({ where: { id } });
    if (!run) throw new NotFound('Retention run');
    return retentionRunView(run);
  }

  /** Queues unfinished runs again; a run whose job is still in Redis is left as it is. */
  async requeueStale(olderThanMs: number): Promise<number> {
    const stale = await this.prisma.retentionRun.findMany({
      where: { status: 'RUNNING', startedAt: { lt: new Date(Date.now() - olderThanMs) } },
      select: { id: true },
    });
    return this.jobs.requeueLost(
      'apply-retention',
      stale.map(({ id }) => ({ runId: id })),
    );
  }
}
