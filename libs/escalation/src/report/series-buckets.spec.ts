import { bucketStarts, rangeInstants } from './series-buckets';

describe('bucketStarts', () => {
  it('lists every day of the range, the last one excluded', () => {
    expect(bucketStarts('2026-10-30', '2026-11-02', 'day')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
  });

  it('lists ISO weeks from the Monday of the first day', () => {
    // 2026-11-04 is a Wednesday.
    expect(bucketStarts('2026-11-04', '2026-11-17', 'week')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
  });
});

describe('rangeInstants', () => {
  it('begins at local midnight, also across the end of summer time', () => {
    const { start, end } = rangeInstants('2026-10-24', '2026-10-26', 'Europe/Stockholm');
    expect(start.toUTC().toISO()).toBe('2026-10-23T22:00:00.000Z');
    expect(end.toUTC().toISO()).toBe('2026-10-25T23:00:00.000Z');
  });
});
