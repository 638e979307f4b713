import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API_BASE } from '../../api/client';
import { inboxKeys } from '../inbox/queries';
import { EventBatcher } from './batcher';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';
const EVENT_TYPES = ['message.created', 'message.updated', 'thread.updated', 'presence.updated'];
const REOPEN_MS = 5_000;
/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;

/**
 * The live event stream of the signed-in person. Events update the cache in
 * batches; each `ready` refetches what was fetched before it.
 */
export function useLiveEvents(
  createSource: () => EventSource = () =>
    new EventSource(`${API_BASE}/events`, { withCredentials: true }),
): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const batcher = new EventBatcher(queryClient);
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;

    const open = () => {
      source = createSource();
      source.addEventListener('ready', () => {
        // What was fetched before the stream was ready (the first page, loaded
        // while the app started; everything, after a drop) may have missed events.
        batcher.refetchFetchedBefore(Date.now());
        setStatus('live');
      });
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (event) => {
          try {
            batcher.push(type, JSON.parse((event as MessageEvent<string>).data));
          } catch {
            // A malformed event is skipped; the next refetch brings the truth.
          }
        });
      }
      source.addEventListener('error', () => {
        setStatus('reconnecting');
        if (source?.readyState === CLOSED) {
          // The browser gave up (e.g. the session ended): ask through the api, which
          // opens the log-in dialog on a 401, then open the stream again.
          void queryClient.invalidateQueries({ queryKey: inboxKeys.counts });
          reopen = setTimeout(open, REOPEN_MS);
        }
      });
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
      batcher.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one stream for the component's life
  }, [queryClient]);

  return status;
}
