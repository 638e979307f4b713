import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Message, type Prisma, PrismaService } from '@svara/database';
import type { StoredReplyFile } from '../attachments/reply-files';
import { DurableJobs } from '../queues/durable-jobs';

/** Svara's id for an outgoing message until its channel returns the source's own id. */
export const PROVISIONAL_ID_PREFIX = 'svara-';

/**
 * Queues messages to send. The message row exists (QUEUED) before the job, so
 * the agent sees the reply at once and nothing is lost if Redis drops the job:
 * the recovery sweep queues QUEUED messages again.
 */
@Injectable()
export class OutboundMessages {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  async queueReply(
    threadId: string,
    text: string,
    author: { userId: string; name: string },
    correlationId?: string,
  ): Promise<Message> {
    const message = await this.createQueued(this.prisma, threadId, text, author);
    await this.enqueue(message.id, correlationId);
    return message;
  }

  /**
   * The QUEUED row of a reply, in the caller's transaction (which may remove
   * what the reply replaces, e.g. its draft); enqueue it once committed.
   */
  async createQueued(
    tx: Prisma.TransactionClient,
    threadId: string,
    text: string,
    author: { userId: string; name: string },
    files: StoredReplyFile[] = [],
  ): Promise<Message> {
    const thread = await tx.thread.findUniqueOrThrow({
      where: { id: threadId },
      select: { channelId: true },
    });
    return tx.message.create({
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
        attachments: files.map((file) => ({
          filename: file.filename,
          contentType: file.sniffedType,
          size: file.size,
        })),
        storedAttachments: {
          create: files.map((file) => ({ ...file, state: 'STORED' as const })),
        },
      },
    });
  }

  /** Queues a message that failed (set QUEUED again by the caller) for another try. */
  resend(messageId: string, correlationId?: string): Promise<boolean> {
    return this.jobs.enqueueAfresh('send-message', { messageId, correlationId });
  }

  enqueue(messageId: string, correlationId?: string): Promise<boolean> {
    return this.jobs.enqueue('send-message', { messageId, correlationId });
  }

  /** Queues again QUEUED messages whose job is gone (Redis restarted, enqueue failed). */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    const stale = await this.prisma.message.findMany({
      where: { deliveryStatus: 'QUEUED', receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
      orderBy: { receivedAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    return this.jobs.requeueLost(
      'send-message',
      stale.map(({ id }) => ({ messageId: id })),
    );
  }
}
