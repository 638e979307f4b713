import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { JobQueues, LeasedSchedules, SlaRecomputations, jobId } from '@svara/pipeline';

const SWEEP_EVERY_MS = 60_000;

/**
 * Recomputations that migrations ask for (sla_recomputation_requests, when
 * Svara's SLA rules change): queued at start and every minute until marked
 * completed (by their job, or here once the job is seen completed), so one
 * lost with Redis is queued again.
 */
@Injectable()
export class RequestedRecomputationsCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequestedRecomputationsCron.name);

  constructor(
    private readonly schedules: LeasedSchedules,
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
    private readonly recomputations: SlaRecomputations,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('requested-recomputations', SWEEP_EVERY_MS, () => this.sweep(), {
      runAtStart: true,
      logger: this.logger,
    });
  }

  /** Moves each open request on: queued, retried, or marked completed. */
  async sweep(): Promise<void> {
    const open = await this.prisma.slaRecomputationRequest.findMany({
      where: { completedAt: null },
    });
    for (const request of open) {
      const job = await this.queues
        .queue('sla-recompute')
        .getJob(jobId.recomputeSla(request.id, request.requestedAt));
      const state = job ? await job.getState() : undefined;
      if (request.policyIds.length === 0 || state === 'completed') {
        await this.prisma.slaRecomputationRequest.update({
          where: { id: request.id },
          data: { completedAt: new Date() },
        });
        this.logger.log({ request: request.id, reason: request.reason }, 'due times recomputed');
      } else if (!job) {
        await this.recomputations.requested(request);
      } else if (state === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true });
      }
    }
  }
}
