import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { inboxKeys } from '../inbox/queries';
import { useLiveEvents } from './useLiveEvents';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeSource extends EventTarget {
  static CLOSED = 2;
  readyState = 1;
  closed = false;
  emit(type: string, data: unknown = {}) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
  }
}

describe('useLiveEvents', () => {
  it('refetches what was loaded before the stream was ready, and again after a drop', async () => {
    const client = new QueryClient();
    let fetches = 0;
    const unsubscribe = new QueryObserver(client, {
      queryKey: inboxKeys.counts,
      queryFn: async () => ++fetches,
      staleTime: Infinity,
    }).subscribe(() => undefined);
    await waitFor(() => expect(fetches).toBe(1));

    const source = new FakeSource();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result, unmount } = renderHook(
      () => useLiveEvents(() => source as unknown as EventSource),
      { wrapper },
    );
    expect(result.current).toBe('connecting');
    // Loaded while the app started: a thread that arrived before the stream was there is missing.
    act(() => source.emit('ready', { userId: 'u1' }));
    expect(result.current).toBe('live');
    await waitFor(() => expect(fetches).toBe(2));

    act(() => source.dispatchEvent(new Event('error')));
    expect(result.current).toBe('reconnecting');
    act(() => source.emit('ready', { userId: 'u1' }));
    expect(result.current).toBe('live');
    await waitFor(() => expect(fetches).toBe(3));

    unmount();
    expect(source.closed).toBe(true);
    unsubscribe();
  });
});
