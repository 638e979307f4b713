import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import type { AuthenticatedUser } from '@svara/http';
import { ChannelAdapters, ChannelError, SendRefused, SourceItemGone } from '@svara/channels';
import { Conflict, InvalidInput, NotFound, UpstreamFailed } from '@svara/common';
import { PrismaService } from '@svara/database';
import { InboxEvents, RemovedOnSource } from '@svara/pipeline';
import { messageView } from './thread.view';
import { ThreadsService } from './threads.service';

/**
 * Hiding citizens' public comments on the source, e.g. one that discloses a
 * personal identity number on the municipality's Facebook Page.
 */
@Injectable()
export class CommentModeration {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadsService,
    private readonly adapters: ChannelAdapters,
    private readonly audit: AuditTrail,
    private readonly events: InboxEvents,
    private readonly removedOnSource: RemovedOnSource,
  ) {}

  async hide(user: AuthenticatedUser, threadId: string, messageId: string) {
    await this.threads.findVisible(user, threadId);
    const message = await this.prisma.message.findFirst({
      where: { id: messageId, threadId },
      include: { thread: { select: { externalId: true } }, channel: true },
    });
    if (!message) throw new NotFound('Message');
    if (message.hiddenAt) return messageView(message);
    const adapter = this.adapters.has(message.channel.type)
      ? this.adapters.get(message.channel.type)
      : undefined;
    if (message.direction !== 'INBOUND' || !adapter?.hideComment) {
      throw new InvalidInput(
        'Only citizens’ public comments on Facebook or Instagram can be hidden',
      );
    }
    try {
      await adapter.hideComment(this.adapters.contextOf(message.channel), {
        externalId: message.externalId,
        threadExternalId: message.thread.externalId,
      });
    } catch (error) {
      if (error instanceof SourceItemGone) {
        await this.removedOnSource.mark(message.channelId, message.externalId);
        throw new Conflict(
          'The comment was removed on its source, so there is nothing to hide; it is now shown as removed',
        );
      }
      if (error instanceof SendRefused) throw new InvalidInput(error.message);
      const reason =
        error instanceof ChannelError ? error.message : 'the source could not be reached';
      throw new UpstreamFailed(`The comment could not be hidden: ${reason}`);
    }
    const hidden = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.message.update({
        where: { id: messageId },
        data: { hiddenAt: new Date() },
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'message.hidden',
          entityType: 'message',
          entityId: messageId,
          data: { threadId },
        },
        tx,
      );
      return updated;
    });
    await this.events.threadsChanged('message.updated', [threadId], messageId);
    return messageView(hidden);
  }
}
