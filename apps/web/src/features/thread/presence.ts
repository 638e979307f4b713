import { useCallback, useEffect, useRef } from 'react';
import { api, API_BASE, getCsrfToken } from '../../api/client';

export const HEARTBEAT_MS = 15_000;
/** Typing is told at most this often; it lapses on the server after 8 s. */
export const TYPING_THROTTLE_MS = 4_000;
/** No keystroke for this long ends "typing". */
export const TYPING_IDLE_MS = 3_000;

const put = (threadId: string, typing: boolean) =>
  api
    .PUT('/api/v1/threads/{id}/presence', { params: { path: { id: threadId } }, body: { typing } })
    .catch(() => undefined);

/** Leaving, also while the page goes away (keepalive lets the request outlive it). */
function leave(threadId: string, keepalive: boolean) {
  const token = getCsrfToken();
  void fetch(`${API_BASE}/threads/${encodeURIComponent(threadId)}/presence`, {
    method: 'DELETE',
    credentials: 'include',
    keepalive,
    headers: token ? { 'X-CSRF-Token': token } : {},
  }).catch(() => undefined);
}

/**
 * Tells the others "I am viewing" on opening and every 15 s, "typing" while
 * keys are pressed (throttled), and that I left on closing or leaving the page.
 * Returns the function the reply box calls on each keystroke.
 */
export function usePresence(threadId: string): () => void {
  const typing = useRef(false);
  const lastTypingSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    void put(threadId, false);
    const heartbeat = setInterval(() => void put(threadId, typing.current), HEARTBEAT_MS);
    const onPageHide = () => leave(threadId, true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearInterval(heartbeat);
      clearTimeout(idleTimer.current);
      window.removeEventListener('pagehide', onPageHide);
      leave(threadId, false);
    };
  }, [threadId]);

  return useCallback(() => {
    const now = Date.now();
    if (!typing.current || now - lastTypingSent.current > TYPING_THROTTLE_MS) {
      typing.current = true;
      lastTypingSent.current = now;
      void put(threadId, true);
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => {
      typing.current = false;
      void put(threadId, false);
    }, TYPING_IDLE_MS);
  }, [threadId]);
}
