import { DateTime, IANAZone } from 'luxon';
import { type HolidayCountry, holidayOn } from './holidays';

/** One opening range on an ISO weekday (Monday = 1), local wall-clock times "HH:MM". */
export interface OpeningRange {
  weekday: number;
  open: string;
  close: string;
}

/** What the calendar does on the country's de facto holidays (Midsummer Eve, Christmas Eve, New Year's Eve). */
export type EveRule = 'CLOSED' | 'HALF_DAY' | 'OPEN';

/** A day on which the calendar closes early. */
export interface HalfDay {
  date: string;
  close: string;
}

/** When a municipality is open. Dates are local dates "YYYY-MM-DD" in the calendar's zone. */
export interface CalendarSpec {
  /** IANA time zone, e.g. Europe/Stockholm. */
  timeZone: string;
  weeklyHours: OpeningRange[];
  /** Public holidays of these countries are closed. */
  holidayCountries: HolidayCountry[];
  /** De facto holidays of those countries; HALF_DAY closes at `halfDayClose`. */
  eveDays: EveRule;
  halfDayClose: string;
  /** The calendar's own closed days. */
  closedDates: string[];
  /** The calendar's own short days. */
  halfDays: HalfDay[];
  /** Days open with ordinary weekday hours even though a holiday or eve falls on them. */
  openDates: string[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export class CalendarNeverOpen extends Error {
  constructor() {
    super('The business calendar has no opening hours within two years');
    this.name = 'CalendarNeverOpen';
  }
}

/** Minutes from local midnight; 24:00 is 1440. */
export function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 1440) throw new RangeError(`"${time}" is past 24:00`);
  return minutes;
}

export const isValidTimeZone = (zone: string) => IANAZone.isValidZone(zone);

interface Range {
  open: number;
  close: number;
}

/** A calendar prepared for repeated lookups. */
class CompiledCalendar {
  readonly zone: string;
  private readonly weekly: Range[][];
  private readonly closed: Set<string>;
  private readonly open: Set<string>;
  private readonly halfDays: Map<string, number>;
  private readonly halfDayClose: number;

  constructor(private readonly spec: CalendarSpec) {
    if (!isValidTimeZone(spec.timeZone)) throw new RangeError(`Unknown time zone ${spec.timeZone}`);
    this.zone = spec.timeZone;
    this.weekly = Array.from({ length: 8 }, (_, weekday) =>
      merge(
        spec.weeklyHours
          .filter((range) => range.weekday === weekday)
          .map((range) => ({ open: minutesOfDay(range.open), close: minutesOfDay(range.close) })),
      ),
    );
    this.closed = new Set(spec.closedDates);
    this.open = new Set(spec.openDates);
    this.halfDays = new Map(spec.halfDays.map((day) => [day.date, minutesOfDay(day.close)]));
    this.halfDayClose = minutesOfDay(spec.halfDayClose);
  }

  /** Opening ranges of one local date, in minutes from local midnight. */
  rangesOn(day: DateTime): Range[] {
    const weekly = this.weekly[day.weekday]!;
    const date = day.toISODate()!;
    if (this.open.has(date)) return weekly;
    if (this.closed.has(date)) return [];
    const half = this.halfDays.get(date);
    if (half !== undefined) return closeBy(weekly, half);
    switch (holidayOn(this.spec.holidayCountries, date)) {
      case 'public':
        return [];
      case 'eve':
        if (this.spec.eveDays === 'CLOSED') return [];
        if (this.spec.eveDays === 'HALF_DAY') return closeBy(weekly, this.halfDayClose);
        return weekly;
      default:
        return weekly;
    }
  }
}

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r.close > r.open).sort((a, b) => a.open - b.open);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.open <= last.close) last.close = Math.max(last.close, range.close);
    else merged.push({ ...range });
  }
  return merged;
}

function closeBy(ranges: Range[], close: number): Range[] {
  return ranges
    .filter((range) => range.open < close)
    .map((range) => ({ open: range.open, close: Math.min(range.close, close) }));
}

const compiled = new WeakMap<CalendarSpec, CompiledCalendar>();
function compile(spec: CalendarSpec): CompiledCalendar {
  let calendar = compiled.get(spec);
  if (!calendar) {
    calendar = new CompiledCalendar(spec);
    compiled.set(spec, calendar);
  }
  return calendar;
}

/** The instant of a local wall-clock time; times in a spring-forward gap move forward. */
function instant(day: DateTime, minutes: number): number {
  if (minutes === 1440) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

/** An open period of the calendar, [start, end) in epoch milliseconds. */
export type Interval = [start: number, end: number];

/** A local date together with its open periods. */
export interface OpenDay {
  date: string;
  intervals: Interval[];
}

const MAX_CLOSED_DAYS = 2 * 366;

/** Local dates from the one containing `from` onwards, each with its open periods. */
export function* openDays(spec: CalendarSpec, from: number): Generator<OpenDay> {
  const calendar = compile(spec);
  let day = DateTime.fromMillis(from, { zone: calendar.zone }).startOf('day');
  let closedInARow = 0;
  for (;;) {
    const intervals = calendar
      .rangesOn(day)
      .map((range): Interval => [instant(day, range.open), instant(day, range.close)])
      .filter(([start, end]) => end > start);
    if (intervals.length === 0 && ++closedInARow > MAX_CLOSED_DAYS) throw new CalendarNeverOpen();
    if (intervals.length > 0) closedInARow = 0;
    yield { date: day.toISODate()!, intervals };
    day = day.plus({ days: 1 });
  }
}

/** The calendar's open periods from `from` onwards, the first one clipped to start at `from`. */
export function* openIntervals(spec: CalendarSpec, from: number): Generator<Interval> {
  for (const day of openDays(spec, from)) {
    for (const [start, end] of day.intervals) {
      if (end <= from) continue;
      yield [Math.max(start, from), end];
    }
  }
}

/** Whether the calendar is open at an instant. */
export function isOpenAt(spec: CalendarSpec, at: Date): boolean {
  const t = at.getTime();
  for (const [start] of openIntervals(spec, t)) return start === t;
  return false;
}

/** A calendar with every field given, from a partial one (what the API stores). */
export function calendarSpec(partial: Partial<CalendarSpec> & Pick<CalendarSpec, 'weeklyHours'>) {
  return {
    timeZone: DEFAULT_TIME_ZONE,
    holidayCountries: [],
    eveDays: 'CLOSED',
    halfDayClose: '12:00',
    closedDates: [],
    halfDays: [],
    openDates: [],
    ...partial,
  } satisfies CalendarSpec;
}

const timeOfDay = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The opening hours of one local date "YYYY-MM-DD", after holidays, eves and the calendar's own days. */
export function openingHoursOn(
  spec: CalendarSpec,
  isoDate: string,
): { open: string; close: string }[] {
  const calendar = compile(spec);
  const day = DateTime.fromISO(isoDate, { zone: calendar.zone }).startOf('day');
  return calendar
    .rangesOn(day)
    .map((range) => ({ open: timeOfDay(range.open), close: timeOfDay(range.close) }));
}
