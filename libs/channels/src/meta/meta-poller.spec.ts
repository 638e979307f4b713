import type { GraphSession } from './graph-api.service';
import { ChannelRateLimited } from '../channel-errors';
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
      return {
        items: async () => [`${name}-${index}`],
        after: done ? undefined : String(index + 1),
        done,
      };
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
        return { items: async () => items, after: done ? undefined : String(index + 1), done };
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
        return {
          items: async () => [`conversation-${index}`],
          after: String(index + 1),
          done: false,
        };
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

  /** Pages whose items are read only when the test says, recording what was asked when. */
  function heldPages(pages: number) {
    const events: string[] = [];
    const held = new Map<number, { release: () => void; fail: (error: Error) => void }>();
    const stream: StreamReader = {
      readPage: async (_graph, window) => {
        const index = window.after ? Number(window.after) : 0;
        events.push(`list ${index}`);
        const done = index + 1 >= pages;
        return {
          items: () =>
            new Promise<unknown[]>((resolve, reject) => {
              held.set(index, {
                release: () => {
                  events.push(`read ${index}`);
                  resolve([`conversation-${index}`]);
                },
                fail: reject,
              });
            }),
          after: done ? undefined : String(index + 1),
          done,
        };
      },
    };
    const whenHeld = async (index: number) => {
      while (!held.has(index)) await new Promise((resolve) => setImmediate(resolve));
      return held.get(index)!;
    };
    return { stream, events, whenHeld };
  }

  it('asks for the next pages of a list while the earlier pages’ items are read', async () => {
    const conversations = heldPages(4);
    const poller = new MetaPoller({
      conversations: conversations.stream,
      comments: reader(1, 'c').stream,
    });
    const polling = poller.poll(graph, initialCursor(backfill), backfill);
    // The first page's items tell how many a page brings.
    (await conversations.whenHeld(0)).release();
    const [second, third, fourth] = await Promise.all(
      [1, 2, 3].map((index) => conversations.whenHeld(index)),
    );
    // The next three lists were asked for before any of their pages' items came.
    expect(conversations.events).toEqual(['list 0', 'read 0', 'list 1', 'list 2', 'list 3']);
    fourth!.release();
    third!.release();
    second!.release();
    const result = await polling;
    // Kept in the list's order, whichever finished first.
    expect(result.items).toEqual([
      'conversation-0',
      'conversation-1',
      'conversation-2',
      'conversation-3',
      'c-0',
    ]);
  });

  it('keeps no page after one whose items failed, though later pages were read', async () => {
    const conversations = heldPages(5);
    const poller = new MetaPoller({
      conversations: conversations.stream,
      comments: reader(1, 'c').stream,
    });
    const polling = poller.poll(graph, initialCursor(backfill), backfill);
    (await conversations.whenHeld(0)).release();
    const held = await Promise.all([1, 2, 3, 4].map((index) => conversations.whenHeld(index)));
    held[2]!.release();
    held[0]!.release();
    held[1]!.fail(new GraphRequestFailed('(#2) Service temporarily unavailable', 500, 2));
    held[3]!.release();
    const result = await polling;
    // Pages 3 and 4 were read, but the cursor may not pass page 2: the next step reads them again.
    expect(result.items).toEqual(['conversation-0', 'conversation-1']);
    expect(result.hasMore).toBe(true);
    expect((result.cursor as unknown as MetaCursor).pass?.after).toBe('2');
  });

  it('keeps the pages listed before a list request failed, once their items are read', async () => {
    const throttled = new ChannelRateLimited('(#32) Page request limit reached', 60_000);
    const inner = heldPages(10);
    const conversations: StreamReader = {
      readPage: async (session, window) => {
        if (window.after === '2') throw throttled;
        return inner.stream.readPage(session, window);
      },
    };
    const poller = new MetaPoller({ conversations, comments: reader(1, 'c').stream });
    const polling = poller.poll(graph, initialCursor(backfill), backfill);
    (await inner.whenHeld(0)).release();
    // Page 1 is read to its end although the list request after it failed.
    (await inner.whenHeld(1)).release();
    const result = await polling;
    expect(result.items).toEqual(['conversation-0', 'conversation-1']);
    expect((result.cursor as unknown as MetaCursor).pass?.after).toBe('2');
    // The first page of a step failing fails the step, with the reason.
    await expect(poller.poll(graph, result.cursor as unknown as MetaCursor, backfill)).rejects.toBe(
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
