import type { QueryClient } from '@tanstack/react-query';
import type { PresenceViewer } from '../../api/types';
import { sessionKey } from '../auth/session';
import { inboxKeys, threadKey } from '../inbox/queries';
import { presenceKey } from '../thread/queries';

export const BATCH_MS = 250;

type ThreadEvent = { threadId: string; messageId?: string; at?: string };
type PresenceEvent = { threadId: string; viewers: PresenceViewer[] };

/**
 * Gathers live events and applies them to the query cache once per window:
 * however many events arrive, each open thread is fetched once and the inbox
 * lists and counts once (and not again while that fetch is still running).
 */
export class EventBatcher {
  private threads = new Set<string>();
  private presence = new Map<string, PresenceViewer[]>();
  private inboxDirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly delayMs = BATCH_MS,
  ) {}

  push(type: string, data: unknown): void {
    if (!data || typeof data !== 'object') return;
    if (type === 'presence.updated') {
      const event = data as PresenceEvent;
      if (typeof event.threadId === 'string' && Array.isArray(event.viewers)) {
        this.presence.set(event.threadId, event.viewers);
      }
    } else if (
      type === 'message.created' ||
      type === 'message.updated' ||
      type === 'thread.updated'
    ) {
      const event = data as ThreadEvent;
      if (typeof event.threadId !== 'string') return;
      this.threads.add(event.threadId);
      this.inboxDirty = true;
    } else return;
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.delayMs);
  }

  flush(): void {
    for (const [threadId, viewers] of this.presence) {
      this.queryClient.setQueryData(presenceKey(threadId), viewers);
    }
    this.presence.clear();
    for (const threadId of this.threads) {
      void this.queryClient.invalidateQueries({ queryKey: threadKey(threadId), exact: true });
    }
    this.threads.clear();
    if (this.inboxDirty) {
      if (this.queryClient.isFetching({ queryKey: inboxKeys.all }) > 0) {
        // Still fetching the last change: look again next window.
        this.schedule();
      } else {
        this.inboxDirty = false;
        void this.queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      }
    }
  }

  /**
   * Refetches what was fetched up to `moment` (the stream's `ready`): events
   * from before then never reach this page, so data older than it may miss
   * some. Up to and including: a fetch answered in the same millisecond may
   * have been read before the stream was there.
   */
  refetchFetchedBefore(moment: number): void {
    this.threads.clear();
    this.inboxDirty = false;
    void this.queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] !== sessionKey[0] && query.state.dataUpdatedAt <= moment,
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
