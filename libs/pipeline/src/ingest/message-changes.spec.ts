import {
  absentFromListing,
  decideChanges,
  LISTING_SETTLE_MS,
  type StoredText,
} from './message-changes';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));
const stored = (
  externalId: string,
  sentMinute: number,
  extra: Partial<StoredText> = {},
): StoredText => ({
  id: `id-${externalId}`,
  threadId: 't1',
  externalId,
  text: `text ${externalId}`,
  sentAt: at(sentMinute),
  editedAt: null,
  removedAt: null,
  ...extra,
});

describe('decideChanges', () => {
  it('edits a message to a newer, different text and keeps the one it replaces', () => {
    const { edits } = decideChanges(
      [stored('c1', 0)],
      [{ externalId: 'c1', text: 'ny', at: at(5) }],
      [],
    );
    expect(edits).toEqual([
      expect.objectContaining({
        earlierText: 'text c1',
        since: at(0),
        text: 'ny',
        replacedAt: at(5),
      }),
    ]);
  });

  it('ignores the same text, a late copy of an older state, and edits of a removed message', () => {
    const edited = stored('c1', 0, { text: 'ny', editedAt: at(10) });
    expect(
      decideChanges([edited], [{ externalId: 'c1', text: 'ny', at: at(20) }], []).edits,
    ).toEqual([]);
    expect(
      decideChanges([edited], [{ externalId: 'c1', text: 'gammal', at: at(5) }], []).edits,
    ).toEqual([]);
    const removed = stored('c2', 0, { removedAt: at(3) });
    expect(
      decideChanges([removed], [{ externalId: 'c2', text: 'x', at: at(5) }], []).edits,
    ).toEqual([]);
  });

  it('applies several edits in time order, each keeping the text before it', () => {
    const { edits } = decideChanges(
      [stored('c1', 0)],
      [
        { externalId: 'c1', text: 'tredje', at: at(9) },
        { externalId: 'c1', text: 'andra', at: at(4) },
      ],
      [],
    );
    expect(edits.map((edit) => [edit.earlierText, edit.text])).toEqual([
      ['text c1', 'andra'],
      ['andra', 'tredje'],
    ]);
  });

  it('records a removal once, at its earliest time, and not for an already removed message', () => {
    const { removals } = decideChanges(
      [stored('c1', 0), stored('c2', 0, { removedAt: at(1) })],
      [],
      [
        { externalId: 'c1', at: at(8) },
        { externalId: 'c1', at: at(6) },
        { externalId: 'c2', at: at(7) },
        { externalId: 'unknown', at: at(7) },
      ],
    );
    expect(removals).toEqual([{ messageId: 'id-c1', threadId: 't1', at: at(6) }]);
  });
});

describe('absentFromListing', () => {
  const readAt = at(50);
  it('finds the stored comments a read of the whole post did not see', () => {
    const gone = absentFromListing({ seen: [{ externalId: 'c1', text: '' }], readAt }, [
      stored('c1', 0),
      stored('c2', 10),
    ]);
    expect(gone).toEqual([{ externalId: 'c2', at: readAt }]);
  });

  it('judges nothing outside the part of the post that was read', () => {
    const listing = { seen: [{ externalId: 'c3', text: '' }], coversAfter: at(20), readAt };
    expect(absentFromListing(listing, [stored('c1', 10), stored('c2', 20)])).toEqual([]);
    expect(absentFromListing(listing, [stored('c4', 21)])).toEqual([
      { externalId: 'c4', at: readAt },
    ]);
  });

  it('judges no comment too young to be listed yet, nor one already removed', () => {
    const young = new Date(readAt.getTime() - LISTING_SETTLE_MS + 1000);
    expect(
      absentFromListing({ seen: [], readAt }, [
        stored('c1', 0, { sentAt: young }),
        stored('c2', 0, { removedAt: at(30) }),
      ]),
    ).toEqual([]);
  });
});
