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

/** A page of a pass whose list has answered; its messages or comments are read by `items`. */
export interface PassPage {
  /**
   * Reads the page's messages or comments (conversations' message pages,
   * posts' comments), called once, as soon as the list has answered: the
   * poller asks for the next page of the list meanwhile.
   */
  items: () => Promise<unknown[]>;
  /** Where the pass continues; absent when `done`. */
  after?: string;
  done: boolean;
  /** Replaces the stream's comment counts (Instagram). */
  counts?: StreamState['counts'];
}

export interface StreamReader {
  /** One page of the stream's list (conversations, posts, media): one request, `ahead` of others. */
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
/**
 * Pages of a list whose messages or comments are being read at once. The
 * list itself is a chain (each page's cursor comes with the page before), so
 * the next page is asked for while the earlier ones' items are read.
 */
const PAGES_IN_FLIGHT = 4;

/** A listed page: where the cursor stands once its items are kept, and their reading. */
interface Listed {
  reading: Promise<unknown[]>;
  cursor: MetaCursor;
  hasMore: boolean;
}

/**
 * Polls a Meta account page by page: conversations first, then posts and
 * their comments. Each step comes back with the cursor that follows its last
 * page, so the poll processor stores them together and a crash resumes there.
 * Within a step several pages are read at once, but a page's items are kept
 * only with those of every page before it: the cursor never passes a page
 * that was not read to the end.
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
    let kept = { cursor, hasMore: true, pages: 0 };
    const inFlight: Listed[] = [];
    // The oldest page in flight; it stays first until it was read, so a failed one stops the step.
    const keepOldest = async () => {
      const page = inFlight[0]!;
      const read = await page.reading;
      inFlight.shift();
      for (const item of read) items.push(item);
      kept = { cursor: page.cursor, hasMore: page.hasMore, pages: kept.pages + 1 };
    };
    // Items expected from the pages in flight, by the pages kept so far.
    const expected = () => (inFlight.length * items.length) / kept.pages;
    try {
      let next = cursor;
      let listedPages = 0;
      while (listedPages < PAGES_PER_STEP) {
        // A step's first page is read before more are listed: how many items a
        // page brings (3 messages a conversation, or 100) decides how many fit.
        if (inFlight.length >= PAGES_IN_FLIGHT || (inFlight.length > 0 && kept.pages === 0)) {
          await keepOldest();
          continue;
        }
        if (kept.pages > 0 && items.length + expected() >= ITEMS_PER_STEP) break;
        const listed = await this.listPage(graph, next, floor, now);
        listedPages += 1;
        inFlight.push(listed);
        next = listed.cursor;
        if (!listed.hasMore) break;
      }
      while (inFlight.length > 0) await keepOldest();
    } catch (error) {
      // Pages listed before a failed list request are still kept, in order,
      // up to the first whose reading failed. The next step meets the error again.
      let first = error;
      try {
        while (inFlight.length > 0) await keepOldest();
      } catch (readFailure) {
        first = readFailure;
      }
      // No read of this step runs on once it has returned.
      await Promise.allSettled(inFlight.map((page) => page.reading));
      if (kept.pages === 0) throw first;
    }
    return {
      items,
      cursor: kept.cursor as unknown as Prisma.InputJsonValue,
      hasMore: kept.hasMore,
    };
  }

  /** Asks for one page of the pass's list and starts reading its items. */
  private async listPage(
    graph: GraphSession,
    cursor: MetaCursor,
    floor: Date,
    now: Date,
  ): Promise<Listed> {
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
        return this.listed([], { ...cursor, pass: { ...pass, after: undefined } }, true);
      }
      throw error;
    }
    const reading = page.items();
    // Awaited in order by poll(); until then a failure must not count as unhandled.
    reading.catch(() => undefined);

    const counts = page.counts ?? state.counts;
    if (!page.done) {
      return this.listed(
        reading,
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
      return this.listed(reading, next, true);
    }
    return this.listed(reading, next, false);
  }

  private listed(
    reading: Promise<unknown[]> | unknown[],
    cursor: MetaCursor,
    hasMore: boolean,
  ): Listed {
    return { reading: Promise.resolve(reading), cursor, hasMore };
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
