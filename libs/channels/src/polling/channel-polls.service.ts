import { Injectable } from '@nestjs/common';
import { RedisClient } from '@svara/database';
import { JobQueues, jobId } from '@svara/pipeline';

/** A request to poll again stays this long (a poll that outlives it was stuck anyway). */
const AGAIN_FOR_SECONDS = 3600;

/**
 * Queues polls. A channel has at most one poll queued or running; a request
 * that finds one running asks it to read the channel once more when it is
 * done, since that poll may have read the source before what was asked for.
 */
@Injectable()
export class ChannelPolls {
  constructor(
    private readonly queues: JobQueues,
    private readonly redis: RedisClient,
  ) {}

  async request(channelId: string, correlationId?: string): Promise<void> {
    const queue = this.queues.queue('poll');
    // Asked before adding: a job added now may be taken by a worker at once,
    // and that poll reads the source after this request anyway.
    const running = await queue.getJob(jobId.pollChannel(channelId));
    if (running && (await running.isActive())) {
      await this.redis.set(this.againKey(channelId), '1', 'EX', AGAIN_FOR_SECONDS);
    }
    await queue.add(
      'poll-channel',
      { channelId, correlationId },
      {
        jobId: jobId.pollChannel(channelId),
        // Gone when finished, so the next poll can use the same id; the
        // outcome is recorded on the channel (health, last error).
        removeOnComplete: true,
        removeOnFail: true,
        attempts: 4,
        backoff: { type: 'exponential', delay: 2000 },
      },
    );
  }

  /** True (once) when a poll was asked for while this channel's poll was running. */
  async takeRequestToPollAgain(channelId: string): Promise<boolean> {
    return (await this.redis.getdel(this.againKey(channelId))) !== null;
  }

  private againKey(channelId: string): string {
    return this.redis.key('poll-again', channelId);
  }
}
