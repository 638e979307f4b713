import Holidays from 'date-holidays';

/** Countries whose public holidays a calendar can follow. */
export const HOLIDAY_COUNTRIES = ['SE', 'NO', 'FI'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/**
 * How a day is marked by the country's holiday rules: `public` is a public
 * holiday; `eve` is a de facto holiday that is not a public one (Midsummer
 * Eve, Christmas Eve, New Year's Eve).
 */
export type HolidayKind = 'public' | 'eve';

const byCountryYear = new Map<string, Map<string, HolidayKind>>();

/** The country's holidays of one year, by local date (YYYY-MM-DD). Memoized. */
function holidaysOf(country: HolidayCountry, year: number): Map<string, HolidayKind> {
  const key = `${country}-${year}`;
  let days = byCountryYear.get(key);
  if (!days) {
    days = new Map();
    for (const holiday of new Holidays(country).getHolidays(year)) {
      const kind = holiday.type === 'public' ? 'public' : holiday.type === 'bank' ? 'eve' : null;
      const date = holiday.date.slice(0, 10);
      // A public holiday wins over an eve that falls on the same date.
      if (kind && days.get(date) !== 'public') days.set(date, kind);
    }
    byCountryYear.set(key, days);
  }
  return days;
}

/** The strongest holiday marking of a local date among the given countries. */
export function holidayOn(
  countries: readonly HolidayCountry[],
  isoDate: string,
): HolidayKind | undefined {
  const year = Number(isoDate.slice(0, 4));
  let found: HolidayKind | undefined;
  for (const country of countries) {
    const kind = holidaysOf(country, year).get(isoDate);
    if (kind === 'public') return 'public';
    found ??= kind;
  }
  return found;
}

/** A holiday or eve of one country, with its name in the asked language where the rules have one. */
export interface NamedHoliday {
  date: string;
  country: HolidayCountry;
  kind: HolidayKind;
  name: string;
}

/** The public holidays and eves of the given countries in one year, by date. */
export function holidaysInYear(
  countries: readonly HolidayCountry[],
  year: number,
  language = 'sv',
): NamedHoliday[] {
  const found: NamedHoliday[] = [];
  for (const country of countries) {
    for (const holiday of new Holidays(country).getHolidays(year, language)) {
      const kind = holiday.type === 'public' ? 'public' : holiday.type === 'bank' ? 'eve' : null;
      if (kind) found.push({ date: holiday.date.slice(0, 10), country, kind, name: holiday.name });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.country.localeCompare(b.country));
}
