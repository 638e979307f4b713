import { Injectable } from '@nestjs/common';
import { JobQueues, jobId } from '@svara/pipeline';

/** Queues polls. A channel has at most one poll queued or running. */
@Injectable()
export class ChannelPolls {
  constructor(private readonly queues: JobQueues) {}

  async request(channelId: string, correlationId?: string): Promise<void> {
    await this.queues.add(
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
}
