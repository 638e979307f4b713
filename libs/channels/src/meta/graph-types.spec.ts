import fc from 'fast-check';
import { parseGraphTime } from './graph-types';

/** How Date itself reads a Graph time, once its offset has a colon. */
function byDate(value: string): number | undefined {
  const time = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
  return Number.isNaN(time) ? undefined : time;
}

const pad = (width: number) => (n: number) => String(n).padStart(width, '0');

describe('parseGraphTime', () => {
  it("reads Graph's format, offset without a colon, to the same instant as Date would", () => {
    for (const value of [
      '2026-11-20T09:15:00+0000',
      '2026-11-20T09:15:00+0130',
      '2026-11-20T09:15:00-0230',
      '2026-02-28T23:59:59+1400',
      '2026-03-29T01:30:00+0100',
    ]) {
      expect(parseGraphTime(value)?.getTime()).toBe(byDate(value));
    }
    expect(parseGraphTime('2026-11-20T09:15:00+0130')?.toISOString()).toBe(
      '2026-11-20T07:45:00.000Z',
    );
  });

  it('agrees with Date on every field value, in range or not', () => {
    const field = (max: number, width = 2) => fc.integer({ min: 0, max }).map(pad(width));
    fc.assert(
      fc.property(
        fc.tuple(
          field(9999, 4),
          field(14),
          field(33),
          field(25),
          field(61),
          field(61),
          fc.constantFrom('+', '-'),
          field(25),
          field(61),
        ),
        ([year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes]) => {
          const value = `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${offsetHours}${offsetMinutes}`;
          expect(parseGraphTime(value)?.getTime()).toBe(byDate(value));
        },
      ),
      { numRuns: 5000 },
    );
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
      '2026-11-20T23:60:00+0000',
      '2026-1a-20T09:15:00+0000',
      '2026-11-20T09:15:00*0000',
    ]) {
      expect(parseGraphTime(value)).toBeUndefined();
    }
  });
});
