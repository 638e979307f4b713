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
 * A poll step reads pages until it has about this many items (or the walk
 * ends), and is stored as inbound batches of up to a thousand items: a batch
 * of a thousand messages costs Postgres and the worker far less per message
 * than one of a few dozen.
 */
const ITEMS_PER_STEP = 1000;
const PAGES_PER_STEP = 20;

interface Step {
  items: unknown[];
  cursor: MetaCursor;
  hasMore: boolean;
}

/**
 * Polls a Meta account page by page: conversations first, then posts and
 * their comments. Each step comes back with the cursor that follows its last
 * page, so the poll processor stores them together and a crash resumes there.
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
    const items: unknown[] = [];
    let step: Step = { items, cursor, hasMore: true };
    for (let pages = 0; pages < PAGES_PER_STEP && items.length < ITEMS_PER_STEP; pages += 1) {
      let next: Step;
      try {
        next = await this.readPage(graph, step.cursor, floor, now);
      } catch (error) {
        // Pages already read are kept; the next step meets the error again.
        if (pages === 0) throw error;
        break;
      }
      items.push(...next.items);
      step = next;
      if (!step.hasMore) break;
    }
    return {
      items,
      cursor: step.cursor as unknown as Prisma.InputJsonValue,
      hasMore: step.hasMore,
    };
  }

  private async readPage(
    graph: GraphSession,
    cursor: MetaCursor,
    floor: Date,
    now: Date,
  ): Promise<Step> {
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

  private result(items: unknown[], cursor: MetaCursor, hasMore: boolean): Step {
    return { items, cursor, hasMore };
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
