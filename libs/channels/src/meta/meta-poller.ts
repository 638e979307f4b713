import type { Prisma } from '@svara/database';
import type { PollResult } from '../channel-adapter';
import type { GraphSession } from './graph-api.service';
import { GraphRequestFailed } from './graph-errors';
import type { MetaCursor, PassPosition, StreamName, StreamState } from './meta-cursor';

/** Meta's clock and ours may differ a little; each pass starts this much earlier. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** What a stream reader is asked to read: one page of a pass. */
export interface PassWindow {
  /** Lists are read down to items last updated at this time. */
  since: Date;
  /** Messages and comments at or after this time are returned. */
  readFrom: Date;
  startedAt: Date;
  after?: string;
  state: StreamState;
}

export interface PassPage {
  items: unknown[];
  /** Where the pass continues; absent when `done`. */
  after?: string;
  done: boolean;
  /** Replaces the stream's comment counts (Instagram). */
  counts?: StreamState['counts'];
}

export interface StreamReader {
  readPage(graph: GraphSession, window: PassWindow): Promise<PassPage>;
}

/** Graph's "invalid parameter": a stored cursor whose item is gone answers this. */
const INVALID_PARAMETER = 100;

/**
 * Polls a Meta account one page at a time: conversations first, then posts and
 * their comments. Each page comes back with the cursor that follows it, so the
 * poll processor stores them together and a crash resumes at the same page.
 */
export class MetaPoller {
  constructor(private readonly readers: Record<StreamName, StreamReader>) {}

  /** `floor` is the channel's backfill date: nothing older is read. */
  async poll(
    graph: GraphSession,
    cursor: MetaCursor,
    floor: Date,
    now = new Date(),
  ): Promise<PollResult> {
    const pass: PassPosition = cursor.pass ?? {
      stream: 'conversations',
      startedAt: now.toISOString(),
    };
    const state = cursor[pass.stream];
    let page: PassPage;
    try {
      page = await this.readers[pass.stream].readPage(graph, {
        since: later(new Date(state.since), floor),
        readFrom: later(new Date(state.readFrom), floor),
        startedAt: new Date(pass.startedAt),
        after: pass.after,
        state,
      });
    } catch (error) {
      if (pass.after && error instanceof GraphRequestFailed && error.code === INVALID_PARAMETER) {
        // The item our cursor pointed at is gone: walk this pass again from the top.
        return this.result([], { ...cursor, pass: { ...pass, after: undefined } }, true);
      }
      throw error;
    }

    const counts = page.counts ?? state.counts;
    if (!page.done) {
      return this.result(
        page.items,
        {
          ...cursor,
          [pass.stream]: { ...state, ...(counts && { counts }) },
          pass: { ...pass, after: page.after },
        },
        true,
      );
    }
    const finished: StreamState = {
      since: new Date(Date.parse(pass.startedAt) - CLOCK_SKEW_MS).toISOString(),
      readFrom: state.since,
      ...(counts && { counts }),
    };
    const next: MetaCursor = { ...cursor, [pass.stream]: finished, pass: undefined };
    if (pass.stream === 'conversations') {
      next.pass = { stream: 'comments', startedAt: now.toISOString() };
      return this.result(page.items, next, true);
    }
    return this.result(page.items, next, false);
  }

  private result(items: unknown[], cursor: MetaCursor, hasMore: boolean): PollResult {
    return { items, cursor: cursor as unknown as Prisma.InputJsonValue, hasMore };
  }
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/**
 * Runs `work` over `items`, at most `limit` at a time, keeping the order of
 * results. After a failure no new work starts, and the first failure is thrown.
 */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  const settled = await Promise.allSettled(lanes);
  const failure = settled.find((lane) => lane.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return results;
}
