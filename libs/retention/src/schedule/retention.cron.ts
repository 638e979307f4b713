import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { type DailyRun, JobQueues, LeasedSchedules, jobId } from '@svara/pipeline';
import { RetentionRuns } from '../runs/retention-runs.service';

const SWEEP_EVERY_MS = 60_000;

/**
 * Scheduler side of retention: once a day (RETENTION_RUN_AT in
 * RETENTION_TIME_ZONE) starts a run of every enabled policy and the pruning
 * of expired records; every minute queues again runs whose jobs were lost.
 */
@Injectable()
export class RetentionCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionCron.name);
  private dailyRun?: DailyRun<{ day: string; runs: number }>;

  constructor(
    private readonly config: AppConfig,
    private readonly schedules: LeasedSchedules,
    private readonly prisma: PrismaService,
    private readonly runs: RetentionRuns,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    const { runAt, timeZone } = this.config.retention;
    this.dailyRun = this.schedules.daily(
      'retention',
      { at: runAt, timeZone },
      (day, now) => this.startDay(day, now),
      { logger: this.logger },
    );
    this.schedules.every(
      'retention-sweep',
      SWEEP_EVERY_MS,
      () => this.runs.requeueStale(SWEEP_EVERY_MS),
      { logger: this.logger },
    );
  }

  /** Starts the day's runs once, however many scheduler replicas call it. */
  daily(now = new Date()): Promise<{ day: string; runs: number } | null> {
    if (!this.dailyRun) throw new Error('The retention schedule has not started');
    return this.dailyRun.runFor(now);
  }

  private async startDay(day: string, now: Date): Promise<{ day: string; runs: number }> {
    const policies = await this.prisma.retentionPolicy.findMany({ where: { enabled: true } });
    for (const policy of policies) await this.runs.start(policy, null, now);
    await this.queues.add('prune-expired', { day }, { jobId: jobId.pruneExpired(day) });
    this.logger.log({ day, runs: policies.length }, 'daily retention started');
    return { day, runs: policies.length };
  }
}
