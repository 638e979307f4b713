import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxKeys, threadKey } from '../inbox/queries';
import { presenceKey } from '../thread/queries';
import { EventBatcher } from './batcher';

/** A query the page shows, counting how often it is fetched. */
function shown(client: QueryClient, queryKey: readonly unknown[]) {
  const fetched = { count: 0 };
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: async () => {
      fetched.count += 1;
      return fetched.count;
    },
    staleTime: Infinity,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  cleanups.push(unsubscribe);
  return fetched;
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('EventBatcher', () => {
  it('fetches the list, the counts and an open thread once for a burst of events', async () => {
    const client = new QueryClient();
    const list = shown(client, inboxKeys.list({ limit: 50 }));
    const counts = shown(client, inboxKeys.counts);
    const open = shown(client, threadKey('t1'));
    await waitFor(() => expect(list.count + counts.count + open.count).toBe(3));

    const batcher = new EventBatcher(client, 50);
    for (let i = 0; i < 500; i++) {
      batcher.push(i % 2 ? 'message.created' : 'thread.updated', {
        threadId: i % 5 ? 't1' : `other-${i}`,
      });
    }
    await waitFor(() => expect(list.count).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(list.count).toBe(2);
    expect(counts.count).toBe(2);
    expect(open.count).toBe(2);
    batcher.dispose();
  });

  it('puts presence straight into the cache, the latest per thread', async () => {
    const client = new QueryClient();
    const batcher = new EventBatcher(client, 10);
    const viewer = { userId: 'u2', name: 'Bo', typing: false, until: '2026-12-04T12:00:30Z' };
    batcher.push('presence.updated', { threadId: 't1', viewers: [viewer] });
    batcher.push('presence.updated', { threadId: 't1', viewers: [{ ...viewer, typing: true }] });
    await waitFor(() =>
      expect(client.getQueryData(presenceKey('t1'))).toEqual([{ ...viewer, typing: true }]),
    );
  });

  it('ignores events it does not know and malformed ones', async () => {
    const client = new QueryClient();
    const list = shown(client, inboxKeys.list({ limit: 50 }));
    await waitFor(() => expect(list.count).toBe(1));
    const batcher = new EventBatcher(client, 10);
    batcher.push('ping', {});
    batcher.push('thread.updated', { nothing: true });
    batcher.push('message.created', null);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(list.count).toBe(1);
  });

  it('refetches what was fetched before a moment, but not the session', async () => {
    const client = new QueryClient();
    const list = shown(client, inboxKeys.list({ limit: 50 }));
    const open = shown(client, threadKey('t9'));
    const session = shown(client, ['session']);
    await waitFor(() => expect(list.count + open.count + session.count).toBe(3));
    const moment = Date.now() + 1;
    const later = shown(client, threadKey('t10'));
    await waitFor(() => expect(later.count).toBe(1));
    client.setQueryData(threadKey('t10'), 'fetched after the moment', { updatedAt: moment + 1 });
    new EventBatcher(client).refetchFetchedBefore(moment);
    await waitFor(() => expect(list.count + open.count).toBe(4));
    expect(session.count).toBe(1);
    expect(later.count).toBe(1);
  });
});
