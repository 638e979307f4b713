import type { Calendar, CalendarInput, EveRule, HolidayCountry } from './types';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const COUNTRIES: HolidayCountry[] = ['SE', 'NO', 'FI'];
export const EVE_RULES: EveRule[] = ['CLOSED', 'HALF_DAY', 'OPEN'];
export const OWN_DAY_KINDS = ['CLOSED', 'HALF_DAY', 'OPEN'] as const;
export type OwnDayKind = (typeof OWN_DAY_KINDS)[number];

export interface Range {
  open: string;
  close: string;
}
export interface OwnDay {
  kind: OwnDayKind;
  date: string;
  /** Closing time of a half day. */
  close: string;
}

/** The calendar editor's state: ranges by weekday, own days as one list. */
export interface CalendarForm {
  name: string;
  timeZone: string;
  weekly: Record<number, Range[]>;
  holidayCountries: HolidayCountry[];
  eveDays: EveRule;
  halfDayClose: string;
  ownDays: OwnDay[];
}

export function emptyForm(): CalendarForm {
  return {
    name: '',
    timeZone: 'Europe/Stockholm',
    weekly: Object.fromEntries(
      WEEKDAYS.map((day) => [day, day <= 5 ? [{ open: '08:00', close: '16:30' }] : []]),
    ),
    holidayCountries: ['SE'],
    eveDays: 'CLOSED',
    halfDayClose: '12:00',
    ownDays: [],
  };
}

export function formOf(calendar: Calendar): CalendarForm {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    weekly: Object.fromEntries(
      WEEKDAYS.map((day) => [
        day,
        calendar.weeklyHours
          .filter((range) => range.weekday === day)
          .map(({ open, close }) => ({ open, close })),
      ]),
    ),
    holidayCountries: calendar.holidayCountries,
    eveDays: calendar.eveDays,
    halfDayClose: calendar.halfDayClose,
    ownDays: [
      ...calendar.closedDates.map((date) => ({ kind: 'CLOSED' as const, date, close: '' })),
      ...calendar.halfDays.map(({ date, close }) => ({ kind: 'HALF_DAY' as const, date, close })),
      ...calendar.openDates.map((date) => ({ kind: 'OPEN' as const, date, close: '' })),
    ].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export function inputOf(form: CalendarForm): CalendarInput {
  const days = (kind: OwnDayKind) => form.ownDays.filter((day) => day.kind === kind);
  return {
    name: form.name.trim(),
    timeZone: form.timeZone.trim(),
    weeklyHours: WEEKDAYS.flatMap((weekday) =>
      form.weekly[weekday]!.map((range) => ({ weekday, ...range })),
    ),
    holidayCountries: form.holidayCountries,
    eveDays: form.eveDays,
    halfDayClose: form.halfDayClose,
    closedDates: days('CLOSED').map((day) => day.date),
    halfDays: days('HALF_DAY').map(({ date, close }) => ({ date, close })),
    openDates: days('OPEN').map((day) => day.date),
  };
}

/** "Måndag", "Monday": ISO weekday names in the app's language. */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  const name = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
  return name.charAt(0).toUpperCase() + name.slice(1);
}
