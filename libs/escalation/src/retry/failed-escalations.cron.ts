import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PrismaService, RedisClient } from '@svara/database';
import { JobQueues, LeaderLease, LeasedTick, jobId } from '@svara/pipeline';

const SWEEP_EVERY_MS = 60_000;
const ROWS_PER_SWEEP = 500;

/**
 * Escalation mail whose job used up its attempts (a mail server down for
 * longer than the job's back-off) is tried again every minute until it is
 * sent or its deadline stops running: the scan has moved the thread on and
 * will not find it again.
 */
@Injectable()
export class FailedEscalationsCron implements OnApplicationShutdown {
  private readonly ticks: LeasedTick;

  constructor(
    redis: RedisClient,
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {
    this.ticks = new LeasedTick(
      new LeaderLease(redis, redis.key('lease', 'failed-escalations'), SWEEP_EVERY_MS * 3),
      new Logger(FailedEscalationsCron.name),
      'failed escalation sweep',
    );
  }

  @Interval(SWEEP_EVERY_MS)
  tick(): Promise<void> {
    return this.ticks.run(() => this.retry(SWEEP_EVERY_MS));
  }

  /** Queues again the failed escalations not touched for `quietForMs`; returns how many. */
  async retry(quietForMs: number): Promise<number> {
    const failed = await this.prisma.escalation.findMany({
      where: { status: 'FAILED', updatedAt: { lt: new Date(Date.now() - quietForMs) } },
      orderBy: { updatedAt: 'asc' },
      take: ROWS_PER_SWEEP,
    });
    const queue = this.queues.queue('escalation');
    let retried = 0;
    for (const row of failed) {
      const id = jobId.notifyEscalation(row.threadId, row.target, row.level, row.dueAt);
      const job = await queue.getJob(id);
      if (!job) {
        await this.queues.add(
          'notify-escalation',
          {
            threadId: row.threadId,
            target: row.target as 'firstResponse' | 'nextResponse' | 'resolution',
            level: row.level,
            dueAt: row.dueAt.toISOString(),
            stepAt: row.stepAt.toISOString(),
          },
          { jobId: id },
        );
        retried += 1;
      } else if ((await job.getState()) === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true });
        retried += 1;
      }
    }
    return retried;
  }

  onApplicationShutdown(): Promise<void> {
    return this.ticks.release();
  }
}
