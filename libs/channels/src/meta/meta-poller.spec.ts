import type { GraphSession } from './graph-api.service';
import { GraphRequestFailed } from './graph-errors';
import { initialCursor, type MetaCursor, parseMetaCursor } from './meta-cursor';
import { CLOCK_SKEW_MS, MetaPoller, type PassWindow, type StreamReader } from './meta-poller';

const graph = {} as GraphSession;
const backfill = new Date('2026-11-01T00:00:00Z');

/** A stream of `pages` pages, recording the windows it was asked for. */
function reader(pages: number, name: string) {
  const windows: PassWindow[] = [];
  const stream: StreamReader = {
    readPage: async (_graph, window) => {
      windows.push(window);
      const index = window.after ? Number(window.after) : 0;
      const done = index + 1 >= pages;
      return { items: [`${name}-${index}`], after: done ? undefined : String(index + 1), done };
    },
  };
  return { stream, windows };
}

describe('MetaPoller', () => {
  it('walks conversations, then comments, page by page, and says when it is done', async () => {
    const conversations = reader(2, 'conversation');
    const comments = reader(1, 'comment');
    const poller = new MetaPoller({
      conversations: conversations.stream,
      comments: comments.stream,
    });
    let cursor: unknown = null;
    const seen: unknown[] = [];
    const start = new Date('2026-11-20T12:00:00Z');
    for (let more = true, calls = 0; more; calls += 1) {
      const result = await poller.poll(graph, parseMetaCursor(cursor, backfill), backfill, start);
      seen.push(...result.items);
      cursor = result.cursor;
      more = result.hasMore;
      expect(calls).toBeLessThan(5);
    }
    expect(seen).toEqual(['conversation-0', 'conversation-1', 'comment-0']);
    const done = cursor as MetaCursor;
    expect(done.pass).toBeUndefined();
    // The next pass looks at what changed since this one began, and reads
    // messages back to where this one began.
    expect(done.conversations).toEqual({
      since: new Date(start.getTime() - CLOCK_SKEW_MS).toISOString(),
      readFrom: backfill.toISOString(),
    });
    expect(conversations.windows[0]).toMatchObject({ since: backfill, readFrom: backfill });
  });

  it('resumes a pass where its stored cursor says', async () => {
    const conversations = reader(3, 'conversation');
    const poller = new MetaPoller({
      conversations: conversations.stream,
      comments: reader(1, 'c').stream,
    });
    const cursor: MetaCursor = {
      ...initialCursor(backfill),
      pass: { stream: 'conversations', startedAt: '2026-11-20T12:00:00.000Z', after: '2' },
    };
    const result = await poller.poll(graph, cursor, backfill);
    // From the stored page on, not from the top; the same step goes on to the comments.
    expect(result.items).toEqual(['conversation-2', 'c-0']);
    expect((result.cursor as unknown as MetaCursor).pass).toBeUndefined();
    expect(result.hasMore).toBe(false);
  });

  it('gathers pages into steps of about a thousand items, each with the cursor after its last page', async () => {
    // 30 pages of 100 conversations' messages.
    const pages: PassWindow[] = [];
    const conversations: StreamReader = {
      readPage: async (_graph, window) => {
        pages.push(window);
        const index = window.after ? Number(window.after) : 0;
        const done = index + 1 >= 30;
        const items = Array.from({ length: 100 }, (_, n) => `m-${index}-${n}`);
        return { items, after: done ? undefined : String(index + 1), done };
      },
    };
    const poller = new MetaPoller({ conversations, comments: reader(1, 'c').stream });
    const first = await poller.poll(graph, initialCursor(backfill), backfill);
    expect(first.items).toHaveLength(1000);
    expect(first.hasMore).toBe(true);
    expect((first.cursor as unknown as MetaCursor).pass?.after).toBe('10');

    const second = await poller.poll(graph, first.cursor as unknown as MetaCursor, backfill);
    expect((second.items as string[])[0]).toBe('m-10-0');
    expect(pages).toHaveLength(20);
  });

  it('keeps the pages a step read before a failure; the next step meets the failure', async () => {
    const throttled = new GraphRequestFailed('(#32) Page request limit reached', 400, 32);
    const conversations: StreamReader = {
      readPage: async (_graph, window) => {
        if (window.after === '2') throw throttled;
        const index = window.after ? Number(window.after) : 0;
        return { items: [`conversation-${index}`], after: String(index + 1), done: false };
      },
    };
    const poller = new MetaPoller({ conversations, comments: reader(1, 'c').stream });
    const first = await poller.poll(graph, initialCursor(backfill), backfill);
    expect(first.items).toEqual(['conversation-0', 'conversation-1']);
    expect((first.cursor as unknown as MetaCursor).pass?.after).toBe('2');
    await expect(poller.poll(graph, first.cursor as unknown as MetaCursor, backfill)).rejects.toBe(
      throttled,
    );
  });

  it('walks the pass again from the top when Graph rejects its stored cursor', async () => {
    const failing: StreamReader = {
      readPage: async () => {
        throw new GraphRequestFailed('(#100) The after cursor is invalid', 400, 100);
      },
    };
    const poller = new MetaPoller({ conversations: failing, comments: failing });
    const cursor: MetaCursor = {
      ...initialCursor(backfill),
      pass: { stream: 'conversations', startedAt: '2026-11-20T12:00:00.000Z', after: 'gone' },
    };
    const result = await poller.poll(graph, cursor, backfill);
    expect(result).toMatchObject({ items: [], hasMore: true });
    expect((result.cursor as unknown as MetaCursor).pass?.after).toBeUndefined();
  });

  it('never reads before the channel’s backfill date', async () => {
    const conversations = reader(1, 'conversation');
    const poller = new MetaPoller({
      conversations: conversations.stream,
      comments: reader(1, 'c').stream,
    });
    const later = new Date('2026-11-10T00:00:00Z');
    await poller.poll(graph, initialCursor(backfill), later);
    expect(conversations.windows[0]).toMatchObject({ since: later, readFrom: later });
  });

  it('starts from the backfill date when the stored cursor is missing or unreadable', () => {
    expect(parseMetaCursor(null, backfill)).toEqual(initialCursor(backfill));
    expect(parseMetaCursor({ v: 1, conversations: { since: 'x' } }, backfill)).toEqual(
      initialCursor(backfill),
    );
  });
});
