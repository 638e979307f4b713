import { type CalendarSpec, type Interval, openDays, openIntervals } from './calendar';

const MINUTE = 60_000;

/** A stretch during which a clock did not run (the thread waited on the citizen). */
export interface Pause {
  from: Date;
  to: Date;
}

/** Open periods from `from` on, with the pauses cut out of them. */
function* runningIntervals(
  calendar: CalendarSpec,
  from: number,
  pauses: readonly Pause[],
): Generator<Interval> {
  const cuts = pauses
    .map((pause): Interval => [pause.from.getTime(), pause.to.getTime()])
    .filter(([start, end]) => end > start && end > from)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of openIntervals(calendar, from)) {
    let cursor = start;
    for (const [cutStart, cutEnd] of cuts) {
      if (cutEnd <= cursor || cutStart >= end) continue;
      if (cutStart > cursor) yield [cursor, cutStart];
      cursor = Math.max(cursor, cutEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) yield [cursor, end];
  }
}

/**
 * The instant at which `ms` of business time has run from `start`, skipping
 * closed hours and pauses. Zero gives the first open instant at or after `start`.
 */
export function addBusinessTime(
  calendar: CalendarSpec,
  start: Date,
  ms: number,
  pauses: readonly Pause[] = [],
): Date {
  let remaining = Math.max(0, ms);
  for (const [from, to] of runningIntervals(calendar, start.getTime(), pauses)) {
    if (to - from >= remaining) return new Date(from + remaining);
    remaining -= to - from;
  }
  throw new Error('unreachable: open intervals never end');
}

export const addBusinessMinutes = (
  calendar: CalendarSpec,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
) => addBusinessTime(calendar, start, minutes * MINUTE, pauses);

/** Business time in milliseconds between two instants, less the pauses. */
export function businessTimeBetween(
  calendar: CalendarSpec,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const end = to.getTime();
  let total = 0;
  if (end <= from.getTime()) return 0;
  for (const [start, stop] of runningIntervals(calendar, from.getTime(), pauses)) {
    if (start >= end) break;
    total += Math.min(stop, end) - start;
  }
  return total;
}

export const businessMinutesBetween = (
  calendar: CalendarSpec,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
) => businessTimeBetween(calendar, from, to, pauses) / MINUTE;

/**
 * Where "the Nth working day" counts from. `arrivalDay` is the municipal
 * rule, "promptly, and at the latest the day after": the calendar day the
 * message arrived on is day 0 whatever the hour, so a Friday evening with
 * N = 1 is due on Monday. `nextOpening` counts a message that arrives while
 * closed as arriving when the calendar next opens (Friday evening is then
 * Monday's, and N = 1 falls on Tuesday).
 */
export const WORKING_DAYS_FROM = ['arrivalDay', 'nextOpening'] as const;
export type WorkingDaysFrom = (typeof WORKING_DAYS_FROM)[number];

/**
 * The last closing time of the Nth working day after the day a message
 * arrived on (see WorkingDaysFrom). With N = 0 it is the closing time of the
 * arrival day, or of the first working day after it once that has closed.
 */
export function endOfNthWorkingDay(
  calendar: CalendarSpec,
  arrival: Date,
  n: number,
  from: WorkingDaysFrom = 'arrivalDay',
): Date {
  const at = arrival.getTime();
  // The day `counted` stands at: the arrival day is day 0 under `arrivalDay`,
  // the first day still open after arrival is day 0 under `nextOpening`.
  let counted = from === 'arrivalDay' ? 0 : -1;
  let arrivalDay = true;
  for (const day of openDays(calendar, at)) {
    const open = day.intervals.filter(([, end]) => end > at);
    const isArrivalDay = arrivalDay;
    arrivalDay = false;
    if (open.length === 0) continue;
    if (!(isArrivalDay && from === 'arrivalDay')) counted += 1;
    if (counted >= n) return new Date(open.at(-1)![1]);
  }
  throw new Error('unreachable: open days never end');
}
