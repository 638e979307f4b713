import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@svara/common';
import { type Message, PrismaService } from '@svara/database';
import { jobId } from '../job-catalogue';
import { JobQueues } from '../queues/job-queues.service';
import { ENQUEUE_WAIT_MS } from '../queues/job-queues.service';

/** Svara's id for an outgoing message until its channel returns the source's own id. */
export const PROVISIONAL_ID_PREFIX = 'svara-';

/**
 * Queues messages to send. The message row exists (QUEUED) before the job, so
 * the agent sees the reply at once and nothing is lost if Redis drops the job:
 * the recovery sweep queues QUEUED messages again.
 */
@Injectable()
export class OutboundMessages {
  private readonly logger = new Logger(OutboundMessages.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {}

  async queueReply(
    threadId: string,
    text: string,
    author: { userId: string; name: string },
    correlationId?: string,
  ): Promise<Message> {
    const thread = await this.prisma.thread.findUniqueOrThrow({
      where: { id: threadId },
      select: { channelId: true },
    });
    const message = await this.prisma.message.create({
      data: {
        threadId,
        channelId: thread.channelId,
        externalId: `${PROVISIONAL_ID_PREFIX}${randomUUID()}`,
        direction: 'OUTBOUND',
        authorUserId: author.userId,
        authorName: author.name,
        text,
        sentAt: new Date(),
        deliveryStatus: 'QUEUED',
      },
    });
    await this.enqueue(message.id, correlationId);
    return message;
  }

  async enqueue(messageId: string, correlationId?: string): Promise<boolean> {
    try {
      await withTimeout(
        this.queues.add(
          'send-message',
          { messageId, correlationId },
          {
            jobId: jobId.sendMessage(messageId),
            attempts: 6,
            backoff: { type: 'exponential', delay: 5000 },
          },
        ),
        ENQUEUE_WAIT_MS,
      );
      return true;
    } catch (error) {
      this.logger.warn(
        { messageId, err: (error as Error).message },
        'send job not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  /** Queues again QUEUED messages whose job is gone (Redis restarted, enqueue failed). */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    const stale = await this.prisma.message.findMany({
      where: { deliveryStatus: 'QUEUED', receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
      orderBy: { receivedAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    const queue = this.queues.queue('outbound');
    let requeued = 0;
    for (const { id } of stale) {
      if (!(await queue.getJob(jobId.sendMessage(id))) && (await this.enqueue(id))) requeued += 1;
    }
    return requeued;
  }
}
