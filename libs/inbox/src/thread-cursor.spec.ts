import { InvalidInput } from '@svara/common';
import { decodeCursor, encodeCursor } from './thread-cursor';

describe('thread cursor', () => {
  it('round-trips a position with and without a due time', () => {
    const withDue = {
      dueAt: new Date('2026-11-23T16:00:00.000Z'),
      lastMessageAt: new Date('2026-11-20T09:15:00.000Z'),
      id: '5b0f2d4c-8f5e-4f67-9a52-2a4d6d1e7c11',
    };
    expect(decodeCursor(encodeCursor(withDue))).toEqual(withDue);
    const withoutDue = { ...withDue, dueAt: null };
    expect(decodeCursor(encodeCursor(withoutDue))).toEqual(withoutDue);
  });

  it.each(['', 'garbage', Buffer.from('["x","not a date","id"]').toString('base64url')])(
    'refuses a cursor it did not make: %s',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidInput);
    },
  );
});
