import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { DurableJobs, type JobOf, LeasedSchedules } from '@svara/pipeline';

const SWEEP_EVERY_MS = 60_000;
const ROWS_PER_SWEEP = 500;

/**
 * Escalation mail whose job used up its attempts (a mail server down for
 * longer than the job's back-off) is tried again every minute until it is
 * sent or its deadline stops running: the scan has moved the thread on and
 * will not find it again.
 */
@Injectable()
export class FailedEscalationsCron implements OnApplicationBootstrap {
  constructor(
    private readonly schedules: LeasedSchedules,
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('failed-escalations', SWEEP_EVERY_MS, () => this.retry(SWEEP_EVERY_MS));
  }

  /** Queues again the failed escalations not touched for `quietForMs`; returns how many. */
  async retry(quietForMs: number): Promise<number> {
    const failed = await this.prisma.escalation.findMany({
      where: { status: 'FAILED', updatedAt: { lt: new Date(Date.now() - quietForMs) } },
      orderBy: { updatedAt: 'asc' },
      take: ROWS_PER_SWEEP,
    });
    return this.jobs.requeueLost(
      'notify-escalation',
      failed.map((row) => ({
        threadId: row.threadId,
        target: row.target as JobOf<'notify-escalation'>['target'],
        level: row.level,
        dueAt: row.dueAt.toISOString(),
        stepAt: row.stepAt.toISOString(),
      })),
    );
  }
}
