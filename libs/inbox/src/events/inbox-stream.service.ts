import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { filter, interval, map, merge, type Observable, of, Subject, takeUntil } from 'rxjs';
import type { AuthenticatedUser } from '@svara/http';
import { RedisClient } from '@svara/database';
import { inboxEventsChannel, type InboxEvent } from '@svara/pipeline';
import { canSee } from '../thread-visibility';
import { encodeEvent } from './event-stream-writer';

const KEEPALIVE_MS = 25_000;
const PING = [encodeEvent('ping', {})];

/**
 * The events of one Redis message, each encoded once for every client that
 * may see it (presence excepted: each viewer is left out of their own list).
 */
class EventBatch {
  private readonly encoded: (string | undefined)[];

  constructor(private readonly events: InboxEvent[]) {
    this.encoded = events.map((event) =>
      event.type === 'presence.updated'
        ? undefined
        : encodeEvent(event.type, {
            threadId: event.threadId,
            messageId: event.messageId,
            at: event.at,
          }),
    );
  }

  /** The encoded events `user` may see, in order; empty when none. */
  encodedFor(user: AuthenticatedUser): string[] {
    const visible: string[] = [];
    this.events.forEach((event, index) => {
      if (!canSee(user, event)) return;
      visible.push(
        this.encoded[index] ??
          encodeEvent(event.type, {
            threadId: event.threadId,
            viewers: (event.viewers ?? []).filter((viewer) => viewer.userId !== user.id),
            at: event.at,
          }),
      );
    });
    return visible;
  }
}

/**
 * Inbox events from every process (Redis pub/sub), passed on to each
 * connected user as server-sent events, only for threads they may see.
 */
@Injectable()
export class InboxStream implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InboxStream.name);
  /** The events of one Redis message at a time: they are passed on together. */
  private readonly events = new Subject<EventBatch>();
  private readonly closing = new Subject<void>();
  private subscriber?: Redis;

  constructor(private readonly redis: RedisClient) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      let parsed: InboxEvent | InboxEvent[];
      try {
        parsed = JSON.parse(raw) as InboxEvent | InboxEvent[];
      } catch {
        this.logger.warn('unreadable inbox event ignored');
        return;
      }
      // An array from current publishers; a single event from older ones.
      this.events.next(new EventBatch(Array.isArray(parsed) ? parsed : [parsed]));
    });
    await this.subscriber.subscribe(inboxEventsChannel(this.redis));
  }

  /**
   * Opens with `ready`, then the user's events, the events that arrived
   * together in one array, with a keep-alive so proxies keep the line open.
   */
  streamFor(user: AuthenticatedUser): Observable<string[]> {
    return merge(
      of([encodeEvent('ready', { userId: user.id })]),
      this.events.pipe(
        map((batch) => batch.encodedFor(user)),
        filter((encoded) => encoded.length > 0),
      ),
      interval(KEEPALIVE_MS).pipe(map(() => PING)),
    ).pipe(takeUntil(this.closing));
  }

  // Ends every open stream before the HTTP server closes, so shutdown does not wait on them.
  onModuleDestroy(): void {
    this.closing.next();
    this.events.complete();
    this.subscriber?.disconnect();
  }
}
