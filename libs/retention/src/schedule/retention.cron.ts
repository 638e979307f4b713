import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Interval, SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DateTime } from 'luxon';
import { AppConfig } from '@svara/config';
import { PrismaService, RedisClient } from '@svara/database';
import { JobQueues, LeaderLease, LeasedTick, jobId } from '@svara/pipeline';
import { RetentionRuns } from '../runs/retention-runs.service';

const DAILY_JOB = 'retention-daily';
const SWEEP_EVERY_MS = 60_000;
const TWO_DAYS_S = 2 * 24 * 3600;

/** "HH:MM" as a cron time (with seconds) firing once a day. */
export function dailyCronTime(runAt: string): string {
  const [hour, minute] = runAt.split(':').map(Number);
  return `0 ${minute} ${hour} * * *`;
}

/**
 * Scheduler side of retention: once a day (RETENTION_RUN_AT in
 * RETENTION_TIME_ZONE) starts a run of every enabled policy and the pruning
 * of expired records; every minute queues again runs whose jobs were lost.
 */
@Injectable()
export class RetentionCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionCron.name);
  private readonly sweeps: LeasedTick;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisClient,
    private readonly registry: SchedulerRegistry,
    private readonly prisma: PrismaService,
    private readonly runs: RetentionRuns,
    private readonly queues: JobQueues,
  ) {
    this.sweeps = new LeasedTick(
      new LeaderLease(redis, redis.key('lease', 'retention-sweep'), SWEEP_EVERY_MS * 3),
      this.logger,
      'retention sweep',
    );
  }

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: dailyCronTime(this.config.retention.runAt),
      timeZone: this.config.retention.timeZone,
      onTick: () => void this.daily(),
    });
    this.registry.addCronJob(DAILY_JOB, job);
    job.start();
  }

  /** Starts the day's runs once, however many scheduler replicas call it. */
  async daily(now = new Date()): Promise<{ day: string; runs: number } | null> {
    try {
      const day = DateTime.fromJSDate(now, { zone: this.config.retention.timeZone }).toISODate()!;
      const claimed = await this.redis.set(
        this.redis.key('retention', 'day', day),
        '1',
        'EX',
        TWO_DAYS_S,
        'NX',
      );
      if (claimed !== 'OK') return null;
      const policies = await this.prisma.retentionPolicy.findMany({ where: { enabled: true } });
      for (const policy of policies) await this.runs.start(policy, null, now);
      await this.queues.add('prune-expired', { day }, { jobId: jobId.pruneExpired(day) });
      this.logger.log({ day, runs: policies.length }, 'daily retention started');
      return { day, runs: policies.length };
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'daily retention could not start');
      return null;
    }
  }

  @Interval(SWEEP_EVERY_MS)
  sweep(): Promise<void> {
    return this.sweeps.run(() => this.runs.requeueStale(SWEEP_EVERY_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', DAILY_JOB)) this.registry.deleteCronJob(DAILY_JOB);
    await this.sweeps.release();
  }
}
