import { DateTime } from 'luxon';
import type { SeriesBucket } from './dto/sla-series.query';

/** The instants a range of local dates (to exclusive) begins and ends at, in a time zone. */
export function rangeInstants(from: string, to: string, timeZone: string) {
  return {
    start: DateTime.fromISO(from, { zone: timeZone }).startOf('day'),
    end: DateTime.fromISO(to, { zone: timeZone }).startOf('day'),
  };
}

/**
 * The first day of every bucket that meets the range, in order: each day,
 * or each ISO week (from Monday; the first may begin before `from`).
 */
export function bucketStarts(from: string, to: string, bucket: SeriesBucket): string[] {
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  if (bucket === 'week') day = day.startOf('week');
  const step = bucket === 'week' ? { weeks: 1 } : { days: 1 };
  const starts: string[] = [];
  for (; day < end; day = day.plus(step)) starts.push(day.toISODate()!);
  return starts;
}

/** Calendar days from one date to another. */
export const daysBetween = (from: string, to: string) =>
  DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days;
