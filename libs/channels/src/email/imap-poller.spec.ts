import { StoredJsonInvalid } from '@svara/common';
import { cursorOf, sequenceSet } from './imap-poller';

describe('sequenceSet', () => {
  it('folds runs of UIDs into ranges', () => {
    expect(sequenceSet([1, 2, 3, 5, 7, 8])).toBe('1:3,5,7:8');
    expect(sequenceSet([42])).toBe('42');
  });
});

describe('the stored cursor of an e-mail channel', () => {
  it('starts empty for a channel never polled, and reads back a stored one', () => {
    expect(cursorOf(null)).toEqual({ mailboxes: {} });
    const stored = { mailboxes: { INBOX: { uidValidity: '1700000000', lastUid: 4711 } } };
    expect(cursorOf(stored)).toEqual(stored);
  });

  it('refuses a cursor written wrong rather than reading the mailbox from a guess', () => {
    expect(() => cursorOf({ mailboxes: { INBOX: { uidValidity: 17, lastUid: 4711 } } })).toThrow(
      StoredJsonInvalid,
    );
    expect(() => cursorOf({ mailboxes: { INBOX: { uidValidity: '17', lastUid: -1 } } })).toThrow(
      /\/mailboxes\/INBOX\/lastUid must be >= 0/,
    );
    expect(() => cursorOf('INBOX:4711')).toThrow(StoredJsonInvalid);
  });
});
