import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type ChannelType, PrismaService, RedisClient } from '@svara/database';
import { LeaderLease } from '@svara/pipeline';
import { ChannelAdapters } from '../channel-adapters.service';
import { ChannelPolls } from './channel-polls.service';

const TICK_MS = 5_000;

/** Scheduler tick: queue a poll for every enabled channel whose interval has passed. */
@Injectable()
export class PollSchedulerCron implements OnApplicationShutdown {
  private readonly logger = new Logger(PollSchedulerCron.name);
  private readonly lease: LeaderLease;
  private running = false;

  constructor(
    redis: RedisClient,
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly polls: ChannelPolls,
  ) {
    this.lease = new LeaderLease(redis, redis.key('lease', 'poll-scheduler'), TICK_MS * 3);
  }

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (await this.lease.acquire()) await this.queueDuePolls();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'poll scheduling failed');
    } finally {
      this.running = false;
    }
  }

  async queueDuePolls(now = new Date()): Promise<number> {
    const types = this.adapters.pollableTypes();
    if (types.length === 0) return 0;
    const due = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM channels
      WHERE enabled
        AND type::text = ANY(${types as ChannelType[]}::text[])
        AND health <> 'UNHEALTHY'
        AND ("backoffUntil" IS NULL OR "backoffUntil" <= ${now})
        AND ("lastPollAt" IS NULL
          OR "lastPollAt" + make_interval(secs => "pollIntervalSeconds") <= ${now})`;
    for (const { id } of due) await this.polls.request(id);
    return due.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lease.release().catch(() => undefined);
  }
}
