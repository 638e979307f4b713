import { describeSelection, printable, when } from './record-pdf';

describe('record.pdf text', () => {
  it('shows instants in UTC, saying so', () => {
    expect(when('2026-03-02T08:05:09.123Z')).toBe('2026-03-02 08:05:09 UTC');
    expect(when(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31 23:59:59 UTC');
    expect(when(null)).toBe('—');
  });

  it('keeps line breaks and Nordic letters, drops control characters', () => {
    expect(printable('Hej Åsa,\r\nblåbærsyltetøy\tär gott\u0007\u0000')).toBe(
      'Hej Åsa,\nblåbærsyltetøy    är gott',
    );
  });

  it('tells how the threads were chosen', () => {
    expect(describeSelection({ threadIds: ['a'] })).toBe('1 thread chosen by id');
    expect(describeSelection({ threadIds: ['a', 'b'] })).toBe('2 threads chosen by id');
    expect(describeSelection({ filter: {} })).toBe('every thread (no filter)');
    expect(
      describeSelection({
        filter: { status: 'CLOSED', tag: 'bygglov', closedFrom: '2026-01-01T00:00:00.000Z' },
      }),
    ).toBe('threads matching status "CLOSED", tag "bygglov", closed from 2026-01-01 00:00:00 UTC');
  });
});
