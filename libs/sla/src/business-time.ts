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
 * The last closing time of the Nth working day after the one a message
 * arrived on. A message that arrives while closed counts as arriving when the
 * calendar next opens: Friday evening counts as Monday, so with N = 1 ("at the
 * latest the next working day") it is due at Tuesday's closing.
 */
export function endOfNthWorkingDay(calendar: CalendarSpec, arrival: Date, n: number): Date {
  const at = arrival.getTime();
  let counted = -1;
  for (const day of openDays(calendar, at)) {
    const open = day.intervals.filter(([, end]) => end > at);
    if (open.length === 0) continue;
    counted += 1;
    if (counted === n) return new Date(open.at(-1)![1]);
  }
  throw new Error('unreachable: open days never end');
}
