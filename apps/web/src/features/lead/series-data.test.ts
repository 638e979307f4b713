import { describe, expect, it } from 'vitest';
import { isoWeek, pivot } from './series-data';

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeek('2026-11-02')).toBe(45);
    expect(isoWeek('2026-12-28')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });
});

describe('pivot', () => {
  it('gives every bucket a point, with a value per group', () => {
    const rows = [
      { bucket: '2026-11-02', group: { key: 'EMAIL', label: 'E-post' }, n: 3 },
      { bucket: '2026-11-03', group: { key: 'WEB_FORM', label: 'Webbformulär' }, n: 1 },
    ];
    expect(pivot(['2026-11-02', '2026-11-03'], rows, (row) => row.n, 0)).toEqual([
      { bucket: '2026-11-02', EMAIL: 3, WEB_FORM: 0 },
      { bucket: '2026-11-03', EMAIL: 0, WEB_FORM: 1 },
    ]);
  });
});
