import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { ChannelAdapters } from '@svara/channels';
import { Conflict, NotFound, Unprocessable } from '@svara/common';
import { PrismaService } from '@svara/database';
import {
  InboxEvents,
  OutboundMessages,
  PROVISIONAL_ID_PREFIX,
  ReplyFiles,
  type StoredReplyFile,
  type UploadedFile,
} from '@svara/pipeline';
import { Drafts } from './drafts/drafts.service';
import { messageView } from './thread.view';
import { ThreadsService } from './threads.service';

/** What agents add to a thread: replies to the citizen (and tries again) and internal notes. */
@Injectable()
export class ThreadMessages {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadsService,
    private readonly outbound: OutboundMessages,
    private readonly events: InboxEvents,
    private readonly drafts: Drafts,
    private readonly replyFiles: ReplyFiles,
    private readonly adapters: ChannelAdapters,
  ) {}

  /**
   * Queues a reply on the thread's channel. It is visible at once as QUEUED,
   * then SENT or FAILED with the reason. Two agents replying at once both
   * get their reply stored and both see the other's. Files go with it when
   * the limits and the channel take them, or the reply is refused whole.
   */
  async reply(
    user: AuthenticatedUser,
    threadId: string,
    text: string,
    uploads: UploadedFile[] = [],
    correlationId?: string,
  ) {
    await this.threads.findVisible(user, threadId);
    const files = uploads.length > 0 ? await this.storeFiles(threadId, uploads) : [];
    const message = await this.prisma.$transaction(async (tx) => {
      const queued = await this.outbound.createQueued(
        tx,
        threadId,
        text,
        { userId: user.id, name: user.name },
        files,
      );
      await this.drafts.discard(tx, user.id, threadId, 'reply');
      return queued;
    });
    await this.outbound.enqueue(message.id, correlationId);
    await this.countMessage(threadId, message.sentAt);
    await this.events.threadsChanged('message.created', [threadId], message.id);
    return messageView(message);
  }

  private async storeFiles(threadId: string, uploads: UploadedFile[]): Promise<StoredReplyFile[]> {
    const judged = this.replyFiles.judge(uploads);
    const thread = await this.prisma.thread.findUniqueOrThrow({
      where: { id: threadId },
      select: { externalId: true, channel: { select: { type: true } } },
    });
    const adapter = this.adapters.has(thread.channel.type)
      ? this.adapters.get(thread.channel.type)
      : undefined;
    for (const file of judged) {
      const refusal = adapter?.fileRefusal
        ? adapter.fileRefusal(thread.externalId, {
            contentType: file.sniffedType,
            size: file.bytes.byteLength,
          })
        : 'Replies on this channel cannot carry files';
      if (refusal) throw new Unprocessable(`${file.filename}: ${refusal}`);
    }
    return this.replyFiles.store(judged);
  }

  /** An internal note: never sent, seen only by colleagues. */
  async note(user: AuthenticatedUser, threadId: string, text: string) {
    const thread = await this.threads.findVisible(user, threadId);
    const message = await this.prisma.$transaction(async (tx) => {
      const created = await tx.message.create({
        data: {
          threadId: thread.id,
          channelId: thread.channelId,
          externalId: `${PROVISIONAL_ID_PREFIX}note-${randomUUID()}`,
          direction: 'NOTE',
          authorUserId: user.id,
          authorName: user.name,
          text,
          sentAt: new Date(),
        },
      });
      await this.drafts.discard(tx, user.id, threadId, 'note');
      return created;
    });
    await this.countMessage(threadId);
    await this.events.threadsChanged('message.created', [threadId], message.id);
    return messageView(message);
  }

  /** Sends a FAILED reply again, as it was written: QUEUED, then SENT or FAILED anew. */
  async retry(
    user: AuthenticatedUser,
    threadId: string,
    messageId: string,
    correlationId?: string,
  ) {
    await this.threads.findVisible(user, threadId);
    const { count } = await this.prisma.message.updateMany({
      where: { id: messageId, threadId, direction: 'OUTBOUND', deliveryStatus: 'FAILED' },
      data: { deliveryStatus: 'QUEUED', deliveryError: null },
    });
    const message = await this.prisma.message.findFirst({ where: { id: messageId, threadId } });
    if (!message) throw new NotFound('Message');
    if (count === 0) {
      throw new Conflict(
        message.direction === 'OUTBOUND'
          ? `Only a failed reply can be sent again; this one is ${message.deliveryStatus}`
          : 'Only a failed reply can be sent again',
      );
    }
    await this.outbound.resend(messageId, correlationId);
    await this.events.threadsChanged('message.updated', [threadId], messageId);
    return messageView(message);
  }

  // Replies and notes do not change the thread's version: they do not
  // conflict with an assignment or status change made at the same moment.
  private async countMessage(threadId: string, activityAt?: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE threads SET
        "messageCount" = "messageCount" + 1,
        "lastMessageAt" = GREATEST("lastMessageAt", ${activityAt ?? null}::timestamptz),
        "updatedAt" = now()
      WHERE id = ${threadId}::uuid`;
  }
}
