import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { InboxEvents } from '../events/inbox-events';

/**
 * A citizen's message the source says no longer exists (Graph answering "object
 * does not exist" to a reply or a hide) is marked removed, as a poll marks one
 * it no longer finds: kept for the record, shown as removed.
 */
@Injectable()
export class RemovedOnSource {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: InboxEvents,
  ) {}

  /** Marks the channel's inbound message `externalId` removed; true when it was not already. */
  async mark(channelId: string, externalId: string, at = new Date()): Promise<boolean> {
    const message = await this.prisma.message.findUnique({
      where: { channelId_externalId: { channelId, externalId } },
      select: { id: true, threadId: true, direction: true, removedAt: true },
    });
    if (!message || message.direction !== 'INBOUND' || message.removedAt) return false;
    const [marked] = await this.prisma.$transaction([
      this.prisma.message.updateMany({
        where: { id: message.id, removedAt: null },
        data: { removedAt: at },
      }),
      this.prisma.thread.update({
        where: { id: message.threadId },
        data: { version: { increment: 1 } },
      }),
    ]);
    if (marked.count === 0) return false;
    await this.events.threadsChanged('message.updated', [message.threadId], message.id);
    return true;
  }
}
