import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { RedisClient } from '@svara/database';
import { InboxEvents, type PresenceViewer } from '@svara/pipeline';
import { ThreadsService } from '../threads.service';

/** A viewer lapses this long after their last heartbeat (the app sends one every 15 s). */
export const VIEWING_LAPSE_MS = 30_000;
/** Typing lapses sooner: the app says when it starts and stops, throttled. */
export const TYPING_LAPSE_MS = 8_000;

interface Entry {
  userId: string;
  name: string;
  until: number;
  typingUntil: number | null;
}

const viewerOf = (entry: Entry, now: number): PresenceViewer => ({
  userId: entry.userId,
  name: entry.name,
  typing: entry.typingUntil !== null && entry.typingUntil > now,
  until: new Date(entry.until).toISOString(),
});

/**
 * Who has a thread open, and who is typing in it. Kept in Redis (one hash per
 * thread, a field per user with its lapse times; the hash expires with its
 * last viewer), so every API replica sees the same, and told over the inbox
 * events channel as `presence.updated` to everyone who may see the thread.
 * When an entry lapses, the replica that took its last heartbeat says so.
 */
@Injectable()
export class ThreadPresence implements OnModuleDestroy {
  private readonly lapses = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly redis: RedisClient,
    private readonly threads: ThreadsService,
    private readonly events: InboxEvents,
  ) {}

  async heartbeat(user: AuthenticatedUser, threadId: string, typing: boolean): Promise<void> {
    await this.threads.findVisible(user, threadId);
    const now = Date.now();
    const entry: Entry = {
      userId: user.id,
      name: user.name,
      until: now + VIEWING_LAPSE_MS,
      typingUntil: typing ? now + TYPING_LAPSE_MS : null,
    };
    const key = this.key(threadId);
    await this.redis
      .multi()
      .hset(key, user.id, JSON.stringify(entry))
      .pexpire(key, VIEWING_LAPSE_MS)
      .exec();
    this.watchLapse(threadId, entry);
    await this.publish(threadId);
  }

  async leave(user: AuthenticatedUser, threadId: string): Promise<void> {
    await this.threads.findVisible(user, threadId);
    this.clearLapse(threadId, user.id);
    if ((await this.redis.hdel(this.key(threadId), user.id)) > 0) await this.publish(threadId);
  }

  /** Everyone else with the thread open now. */
  async viewers(user: AuthenticatedUser, threadId: string): Promise<PresenceViewer[]> {
    await this.threads.findVisible(user, threadId);
    return (await this.current(threadId)).filter((viewer) => viewer.userId !== user.id);
  }

  onModuleDestroy(): void {
    this.lapses.forEach((timer) => clearTimeout(timer));
    this.lapses.clear();
  }

  private async current(threadId: string): Promise<PresenceViewer[]> {
    const key = this.key(threadId);
    const now = Date.now();
    const entries = Object.values(await this.redis.hgetall(key)).map(
      (raw) => JSON.parse(raw) as Entry,
    );
    const lapsed = entries.filter((entry) => entry.until <= now).map((entry) => entry.userId);
    if (lapsed.length > 0) await this.redis.hdel(key, ...lapsed);
    return entries
      .filter((entry) => entry.until > now)
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
      .map((entry) => viewerOf(entry, now));
  }

  private async publish(threadId: string): Promise<void> {
    await this.events.presenceChanged(threadId, await this.current(threadId));
  }

  /** Tells the others when this entry's typing, then the entry itself, lapses without renewal. */
  private watchLapse(threadId: string, entry: Entry): void {
    this.clearLapse(threadId, entry.userId);
    const next = entry.typingUntil ?? entry.until;
    const timer = setTimeout(
      () => {
        this.lapses.delete(this.lapseKey(threadId, entry.userId));
        void this.lapsed(threadId, entry);
      },
      next - Date.now() + 50,
    );
    timer.unref();
    this.lapses.set(this.lapseKey(threadId, entry.userId), timer);
  }

  private async lapsed(threadId: string, entry: Entry): Promise<void> {
    try {
      const raw = await this.redis.hget(this.key(threadId), entry.userId);
      // Renewed meanwhile (perhaps through another replica): that one watches it now.
      if (raw !== null && (JSON.parse(raw) as Entry).until !== entry.until) return;
      await this.publish(threadId);
      if (entry.typingUntil !== null && raw !== null) {
        this.watchLapse(threadId, { ...entry, typingUntil: null });
      }
    } catch {
      // Best effort, like every inbox event: the app also drops entries past `until`.
    }
  }

  private clearLapse(threadId: string, userId: string): void {
    const key = this.lapseKey(threadId, userId);
    clearTimeout(this.lapses.get(key));
    this.lapses.delete(key);
  }

  private lapseKey(threadId: string, userId: string): string {
    return `${threadId}:${userId}`;
  }

  private key(threadId: string): string {
    return this.redis.key('presence', threadId);
  }
}
