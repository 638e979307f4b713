import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { inTransaction, PrismaService } from '@svara/database';
import { SvaraMetrics } from '@svara/metrics';
import { InboundBatches, type JobOf, JobWorkers } from '@svara/pipeline';
import type { PollResult } from '../channel-adapter';
import { ChannelAdapters } from '../channel-adapters.service';
import { ChannelAuthFailed, ChannelRateLimited } from '../channel-errors';
import { ChannelHealthRecorder } from './channel-health';
import { ChannelPolls } from './channel-polls.service';

export type PollOutcome = { pages: number; items: number } | { skipped: string };

/**
 * Reads a channel from its stored cursor. Each page of items is stored with
 * the cursor that follows it in one transaction, so a crash between pages
 * re-reads nothing already stored and skips nothing not yet stored.
 */
@Injectable()
export class PollProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PollProcessor.name);

  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly batches: InboundBatches,
    private readonly health: ChannelHealthRecorder,
    private readonly metrics: SvaraMetrics,
    private readonly polls: ChannelPolls,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start('poll', { 'poll-channel': (job) => this.poll(job) }, { concurrency: 4 });
  }

  /** One pass, and another for each request that came while it ran (an admin's "fetch now"). */
  async poll(job: Job<JobOf<'poll-channel'>>): Promise<PollOutcome> {
    let outcome = await this.pollOnce(job);
    while (
      !('skipped' in outcome) &&
      (await this.polls.takeRequestToPollAgain(job.data.channelId))
    ) {
      outcome = await this.pollOnce(job);
    }
    return outcome;
  }

  private async pollOnce(job: Job<JobOf<'poll-channel'>>): Promise<PollOutcome> {
    const { channelId, correlationId } = job.data;
    const channel = await this.prisma.channel.findUnique({ where: { id: channelId } });
    if (!channel || !channel.enabled) return { skipped: 'channel is gone or disabled' };
    if (channel.health === 'UNHEALTHY') return { skipped: 'channel needs an admin' };
    const adapter = this.adapters.get(channel.type);
    if (!adapter.poll) return { skipped: `${channel.type} is not polled` };

    const counted = (outcome: 'ok' | 'auth_failed' | 'throttled' | 'error') =>
      this.metrics.polls.inc({ channel_id: channelId, channel_type: channel.type, outcome });
    let pages = 0;
    let items = 0;
    const queueing: Promise<boolean>[] = [];
    try {
      const context = this.adapters.contextOf(channel);
      let next: Promise<PollResult> | undefined = adapter.poll(context, channel.cursor);
      while (next) {
        const page: PollResult = await next;
        // The following page is read while this one is stored; it is stored
        // only after this one, so a crash still resumes at the first page not stored.
        next = page.hasMore ? adapter.poll(context, page.cursor) : undefined;
        next?.catch(() => undefined); // awaited next round, unless storing this page fails
        const batchIds = await inTransaction(this.prisma.pool, async (sql) => {
          const stored = await this.batches.storeInBatches(sql, channelId, 'POLL', page.items);
          await sql.query(
            `UPDATE channels SET cursor = $2::jsonb, "lastPollAt" = now(), "lastSuccessAt" = now(),
               health = 'OK', "lastError" = NULL, "backoffUntil" = NULL, "updatedAt" = now()
             WHERE id = $1::uuid`,
            [channelId, JSON.stringify(page.cursor)],
          );
          return stored;
        });
        // Queued while the next page is stored: a batch whose job is not
        // queued (this never throws) is queued by the recovery sweep.
        for (const batchId of batchIds) {
          queueing.push(this.batches.enqueue(batchId, correlationId));
        }
        pages += 1;
        items += page.items.length;
        void job.updateProgress({ pages, items }).catch(() => undefined);
      }
      await Promise.all(queueing);
      counted('ok');
      await this.refreshContacts(channelId, () => adapter.refreshContacts?.(context));
      return { pages, items };
    } catch (error) {
      if (error instanceof ChannelAuthFailed) {
        counted('auth_failed');
        await this.health.authFailed(channelId, error);
        this.logger.warn(
          { channelId, err: error.message },
          'channel credentials refused; polling stopped',
        );
        return { skipped: 'credentials refused' };
      }
      if (error instanceof ChannelRateLimited) {
        counted('throttled');
        await this.health.rateLimited(channelId, error, error.retryAfterMs);
        this.logger.warn(
          { channelId, retryAfterMs: error.retryAfterMs },
          'channel throttled; backing off',
        );
        return { skipped: 'throttled' };
      }
      counted('error');
      await this.health.failed(channelId, error);
      throw error;
    }
  }

  /** Contacts' names are read after the poll; a failure is logged and read again later. */
  private async refreshContacts(channelId: string, refresh: () => Promise<void> | undefined) {
    try {
      await refresh();
    } catch (error) {
      this.logger.warn({ channelId, err: (error as Error).message }, 'contact names not read');
    }
  }
}
