// Where a Facebook Page or Instagram channel's next poll starts.
//
// A poll walks two lists, newest first: the account's conversations, then its
// posts (or media) with their comments. One walk is a "pass"; each call of
// poll() reads one page of it, and the cursor stored with that page says where
// the pass continues. Between passes only time watermarks are kept, never
// Graph's cursors, which go stale when their item is deleted.

export type StreamName = 'conversations' | 'comments';

export interface StreamState {
  /** Conversations and posts last updated before this were unchanged at the last pass. */
  since: string;
  /**
   * Messages and comments are read back to here: where the previous pass
   * began. A conversation that changes during a pass moves to the top of the
   * list, behind the pass, and is read in the next pass from this point.
   */
  readFrom: string;
  /** Instagram media have no update time: comment counts (with the media's time) show change. */
  counts?: Record<string, [count: number, timestampMs: number]>;
}

export interface PassPosition {
  stream: StreamName;
  startedAt: string;
  /** Graph's cursor within this pass; absent at its first page. */
  after?: string;
}

export interface MetaCursor {
  v: 1;
  conversations: StreamState;
  comments: StreamState;
  pass?: PassPosition;
}

const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

function isStreamState(value: unknown): value is StreamState {
  const state = value as StreamState | null;
  return (
    typeof state === 'object' &&
    state !== null &&
    isIsoDate(state.since) &&
    isIsoDate(state.readFrom) &&
    (state.counts === undefined || (typeof state.counts === 'object' && state.counts !== null))
  );
}

function isPass(value: unknown): value is PassPosition {
  const pass = value as PassPosition | null;
  return (
    typeof pass === 'object' &&
    pass !== null &&
    (pass.stream === 'conversations' || pass.stream === 'comments') &&
    isIsoDate(pass.startedAt) &&
    (pass.after === undefined || typeof pass.after === 'string')
  );
}

export function initialCursor(backfillSince: Date): MetaCursor {
  const start = backfillSince.toISOString();
  return {
    v: 1,
    conversations: { since: start, readFrom: start },
    comments: { since: start, readFrom: start },
  };
}

/** The stored cursor, or a fresh one from the channel's backfill date when there is none. */
export function parseMetaCursor(raw: unknown, backfillSince: Date): MetaCursor {
  const cursor = raw as Partial<MetaCursor> | null;
  if (
    cursor &&
    cursor.v === 1 &&
    isStreamState(cursor.conversations) &&
    isStreamState(cursor.comments) &&
    (cursor.pass === undefined || isPass(cursor.pass))
  ) {
    return cursor as MetaCursor;
  }
  // No cursor yet (or one this version cannot read): start from the backfill
  // date. Re-reading is safe, ingest stores each message once.
  return initialCursor(backfillSince);
}
