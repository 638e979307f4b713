import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type ChannelType, PrismaService } from '@svara/database';
import { LeasedSchedules } from '@svara/pipeline';
import { ChannelAdapters } from '../channel-adapters.service';
import { ChannelPolls } from './channel-polls.service';

const TICK_MS = 5_000;

/** Scheduler tick: queue a poll for every enabled channel whose interval has passed. */
@Injectable()
export class PollSchedulerCron implements OnApplicationBootstrap {
  constructor(
    private readonly schedules: LeasedSchedules,
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly polls: ChannelPolls,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('poll-scheduler', TICK_MS, () => this.queueDuePolls());
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
}
