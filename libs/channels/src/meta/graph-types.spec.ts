import { parseGraphTime } from './graph-types';

describe('parseGraphTime', () => {
  it("reads Graph's format, offset without a colon, to the same instant as Date would", () => {
    for (const value of [
      '2026-11-20T09:15:00+0000',
      '2026-11-20T09:15:00+0130',
      '2026-11-20T09:15:00-0230',
      '2026-02-28T23:59:59+1400',
      '2026-03-29T01:30:00+0100',
    ]) {
      const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      expect(parseGraphTime(value)?.toISOString()).toBe(new Date(iso).toISOString());
    }
  });

  it('reads other ISO 8601 forms too', () => {
    expect(parseGraphTime('2026-11-20T09:15:00Z')?.toISOString()).toBe('2026-11-20T09:15:00.000Z');
    expect(parseGraphTime('2026-11-20T09:15:00.250+01:00')?.toISOString()).toBe(
      '2026-11-20T08:15:00.250Z',
    );
  });

  it('answers undefined for what is not a time', () => {
    for (const value of [
      undefined,
      null,
      1700000000,
      '',
      'yesterday',
      '2026-13-01T00:00:00+0000',
    ]) {
      expect(parseGraphTime(value)).toBeUndefined();
    }
    expect(parseGraphTime('2026-11-20T23:60:00+0000')).toBeUndefined();
  });
});
