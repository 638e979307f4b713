import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type Calendar = Schemas['CalendarDto'];
export type CalendarInput = Schemas['CreateCalendarDto'];
export type CalendarYear = Schemas['CalendarYearDto'];
export type SpecialDay = Schemas['SpecialDayDto'];
export type OpeningRange = Schemas['OpeningRangeDto'];
export type EveRule = Calendar['eveDays'];
export type HolidayCountry = Calendar['holidayCountries'][number];
