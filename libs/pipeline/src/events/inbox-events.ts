import { Injectable, Logger } from '@nestjs/common';
import { PrismaService, RedisClient } from '@svara/database';

/** The Redis pub/sub channel every API replica listens on (in REDIS_PREFIX). Do not rename. */
export const inboxEventsChannel = (redis: RedisClient) => redis.key('inbox-events');

export type InboxEventType =
  'message.created' | 'message.updated' | 'thread.updated' | 'presence.updated';

/** Someone who has a thread open (see the inbox's presence), as events carry them. */
export interface PresenceViewer {
  userId: string;
  name: string;
  typing: boolean;
  /** When the entry lapses unless renewed (ISO time). */
  until: string;
}

/** Enough about a thread to decide who may be told of it. */
export interface InboxEventTarget {
  threadId: string;
  teamId: string | null;
  assigneeId: string | null;
  /** The team of the thread's channel: sees the thread while it has no team of its own. */
  channelTeamId: string | null;
}

/**
 * Events are published as JSON arrays of up to this many: an ingest batch
 * touching a thousand threads is two Redis messages, not a thousand.
 */
const EVENTS_PER_MESSAGE = 500;

/** What changed, and enough about the thread to decide who may be told. */
export interface InboxEvent extends InboxEventTarget {
  type: InboxEventType;
  messageId?: string;
  /** presence.updated: everyone who has the thread open now. */
  viewers?: PresenceViewer[];
  at: string;
}

/**
 * Tells the inbox, on every API replica, that messages arrived or a thread
 * changed. Best effort: a lost event costs a user a refresh, never data,
 * so publishing never fails the work that caused it.
 */
@Injectable()
export class InboxEvents {
  private readonly logger = new Logger(InboxEvents.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisClient,
  ) {}

  async threadsChanged(
    type: InboxEventType,
    threadIds: string[],
    messageId?: string,
  ): Promise<void> {
    if (threadIds.length === 0) return;
    try {
      await this.publish(type, await this.targetsOf(threadIds), messageId);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, type }, 'inbox event not published');
    }
  }

  /** Who has the thread open changed: told to everyone who may see the thread, on every replica. */
  async presenceChanged(threadId: string, viewers: PresenceViewer[]): Promise<void> {
    try {
      const [target] = await this.targetsOf([threadId]);
      if (!target) return;
      const event: InboxEvent = {
        type: 'presence.updated',
        ...target,
        viewers,
        at: new Date().toISOString(),
      };
      await this.redis.publish(inboxEventsChannel(this.redis), JSON.stringify([event]));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'presence event not published');
    }
  }

  private async targetsOf(threadIds: string[]): Promise<InboxEventTarget[]> {
    const threads = await this.prisma.thread.findMany({
      where: { id: { in: threadIds } },
      select: { id: true, teamId: true, assigneeId: true, channel: { select: { teamId: true } } },
    });
    return threads.map((thread) => ({
      threadId: thread.id,
      teamId: thread.teamId,
      assigneeId: thread.assigneeId,
      channelTeamId: thread.channel.teamId,
    }));
  }

  /** For callers that already know the threads' teams and assignees. */
  async publish(
    type: InboxEventType,
    targets: InboxEventTarget[],
    messageId?: string,
  ): Promise<void> {
    if (targets.length === 0) return;
    try {
      const at = new Date().toISOString();
      const events = targets.map((target): InboxEvent => ({ type, ...target, messageId, at }));
      const pipeline = this.redis.pipeline();
      for (let start = 0; start < events.length; start += EVENTS_PER_MESSAGE) {
        const part = events.slice(start, start + EVENTS_PER_MESSAGE);
        pipeline.publish(inboxEventsChannel(this.redis), JSON.stringify(part));
      }
      await pipeline.exec();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, type }, 'inbox event not published');
    }
  }
}
