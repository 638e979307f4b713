import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DateTime } from 'luxon';
import { RedisClient } from '@svara/database';
import { LeaderLease } from './leader-lease';
import { LeasedTick } from './leased-tick';

/** A lease outlives a few missed ticks, so a slow tick keeps it and a dead holder is replaced soon. */
const leaseTtlMs = (everyMs: number) => Math.max(everyMs * 3, 10_000);
/** A claimed day is remembered past its end, whatever the time zones of the replicas. */
const DAY_CLAIM_SECONDS = 2 * 24 * 3600;

/** "HH:MM" as a cron time (with seconds) firing once a day. */
export function dailyCronTime(at: string): string {
  const [hour, minute] = at.split(':').map(Number);
  return `0 ${minute} ${hour} * * *`;
}

/** Work done once a local day by whichever scheduler replica claims the day first. */
export class DailyRun<Result> {
  constructor(
    private readonly redis: RedisClient,
    private readonly name: string,
    private readonly timeZone: string,
    private readonly work: (day: string, now: Date) => Promise<Result>,
    private readonly logger: Logger,
  ) {}

  /** The day's work if this replica is the first to claim `now`'s day; else null. */
  async runFor(now = new Date()): Promise<Result | null> {
    try {
      const day = DateTime.fromJSDate(now, { zone: this.timeZone }).toISODate()!;
      const key = this.redis.key(this.name, 'day', day);
      const claimed = await this.redis.set(key, '1', 'EX', DAY_CLAIM_SECONDS, 'NX');
      if (claimed !== 'OK') return null;
      return await this.work(day, now);
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, `daily ${this.name} could not start`);
      return null;
    }
  }
}

/**
 * Every periodic task of the scheduler, registered with @nestjs/schedule's
 * registry: interval work runs on the one replica holding that task's lease
 * in Redis (never twice at once in a process), daily work once a local day.
 * Leases are released on shutdown, so another replica takes over at once.
 */
@Injectable()
export class LeasedSchedules implements OnApplicationShutdown {
  private readonly ticks = new Map<string, LeasedTick>();
  private readonly dailies = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly registry: SchedulerRegistry,
  ) {}

  /** Runs `work` every `everyMs` (and at once with `runAtStart`) where this replica holds `name`'s lease. */
  every(
    name: string,
    everyMs: number,
    work: () => Promise<unknown>,
    { runAtStart = false, logger = new Logger(name) } = {},
  ): LeasedTick {
    this.claimName(name);
    const tick = new LeasedTick(
      new LeaderLease(this.redis, this.redis.key('lease', name), leaseTtlMs(everyMs)),
      logger,
      name,
    );
    this.ticks.set(name, tick);
    this.registry.addInterval(
      name,
      setInterval(() => void tick.run(work), everyMs),
    );
    if (runAtStart) void tick.run(work);
    return tick;
  }

  /** Runs `work` once a day at `at` ("HH:MM") in `timeZone`, on the replica that claims the day. */
  daily<Result>(
    name: string,
    { at, timeZone }: { at: string; timeZone: string },
    work: (day: string, now: Date) => Promise<Result>,
    { logger = new Logger(name) } = {},
  ): DailyRun<Result> {
    this.claimName(name);
    this.dailies.add(name);
    const run = new DailyRun(this.redis, name, timeZone, work, logger);
    const job = CronJob.from({
      cronTime: dailyCronTime(at),
      timeZone,
      onTick: () => void run.runFor(),
    });
    this.registry.addCronJob(name, job);
    job.start();
    return run;
  }

  private claimName(name: string): void {
    if (this.ticks.has(name) || this.dailies.has(name))
      throw new Error(`Schedule "${name}" is registered twice`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const name of this.ticks.keys()) {
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    for (const name of this.dailies) {
      if (this.registry.doesExist('cron', name)) this.registry.deleteCronJob(name);
    }
    await Promise.all([...this.ticks.values()].map((tick) => tick.release()));
  }
}

/** The scheduler's periodic tasks; imported by the scheduler app, beside ScheduleModule.forRoot(). */
@Global()
@Module({ providers: [LeasedSchedules], exports: [LeasedSchedules] })
export class LeasedSchedulesModule {}
