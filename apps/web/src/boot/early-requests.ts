import { API_BASE } from '../api/base';
import { listQuery, validateInboxSearch } from '../features/inbox/search';

// The first page's API requests, sent by the small entry script while the
// app's own script is still loading: the session, the inbox's first page, its
// counts and the names of people and teams (and a deep-linked thread) go out
// together, not one after another.
// The app's requests take these answers instead of asking again.

/** An early answer older than this is not handed out: the app asks afresh. */
const FRESH_MS = 10_000;

interface EarlyRequest {
  sentAt: number;
  response: Promise<Response | null>;
}

const early = new Map<string, EarlyRequest>();

/** The same key for the same request, whatever the order and encoding of its query. */
export function requestKey(url: string): string {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.sort();
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

function send(path: string): void {
  early.set(requestKey(path), {
    sentAt: performance.now(),
    response: fetch(path, { credentials: 'include' }).catch(() => null),
  });
}

/** The inbox's first page for the URL's view and filters; undefined where it needs the session. */
function firstListPage(search: string): string | undefined {
  const params = Object.fromEntries(new URLSearchParams(search));
  const inbox = validateInboxSearch(params);
  if (inbox.view === 'mine') return undefined;
  const query = listQuery(inbox, { id: '' });
  const strings = Object.entries(query).map(([key, value]) => [key, String(value)]);
  return `${API_BASE}/threads?${new URLSearchParams(strings).toString()}`;
}

const THREAD_PATH = /^\/threads\/([0-9a-f-]{36})$/i;

/** Sends what the page at this address will ask for first. */
export function startEarlyRequests(at: Pick<Location, 'pathname' | 'search'> = location): void {
  send(`${API_BASE}/auth/session`);
  const thread = THREAD_PATH.exec(at.pathname);
  if (at.pathname !== '/' && !thread) return;
  const list = firstListPage(at.search);
  if (list) send(list);
  send(`${API_BASE}/threads/counts`);
  send(`${API_BASE}/directory`);
  if (thread) send(`${API_BASE}/threads/${thread[1]}`);
}

/**
 * The early answer to this request, once: only a fresh success, or the
 * session's 401 (an answer there). Anything else is asked again.
 */
export async function takeEarlyResponse(request: Request): Promise<Response | undefined> {
  if (request.method !== 'GET' || early.size === 0) return undefined;
  const key = requestKey(request.url);
  const pending = early.get(key);
  if (!pending) return undefined;
  early.delete(key);
  if (performance.now() - pending.sentAt > FRESH_MS) return undefined;
  const response = await pending.response;
  if (!response) return undefined;
  const sessionAnswer = key.startsWith(`${API_BASE}/auth/session?`) && response.status === 401;
  return response.ok || sessionAnswer ? response : undefined;
}

/** After signing in or out the early answers speak for someone else. */
export function forgetEarlyResponses(): void {
  early.clear();
}
