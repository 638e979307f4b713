import { DateTime } from 'luxon';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  endOfNthWorkingDay,
  type Pause,
} from './business-time';
import { type CalendarSpec, CalendarNeverOpen, calendarSpec, isOpenAt } from './calendar';
import { holidayOn } from './holidays';
import { dueTimes } from './policy';

const weekdays = (open: string, close: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));

const stockholm = calendarSpec({
  weeklyHours: weekdays('08:00', '16:00'),
  holidayCountries: ['SE'],
});
const withLunch = calendarSpec({
  weeklyHours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '16:00')],
  holidayCountries: ['SE'],
});
const oslo = calendarSpec({
  timeZone: 'Europe/Oslo',
  weeklyHours: weekdays('08:00', '16:00'),
  holidayCountries: ['NO'],
});
const helsinki = calendarSpec({
  timeZone: 'Europe/Helsinki',
  weeklyHours: weekdays('08:00', '16:00'),
  holidayCountries: ['FI'],
});
const allWeek = calendarSpec({
  weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })),
});

/** A local wall-clock time in the calendar's zone. */
const at = (local: string, calendar: CalendarSpec = stockholm) =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: calendar.timeZone }).toJSDate();
const local = (date: Date, calendar: CalendarSpec = stockholm) =>
  DateTime.fromJSDate(date, { zone: calendar.timeZone }).toFormat('yyyy-MM-dd HH:mm');
const pause = (from: string, to: string, calendar: CalendarSpec = stockholm): Pause => ({
  from: at(from, calendar),
  to: at(to, calendar),
});

describe('business minutes in a Swedish office calendar (Mon–Fri 08–16)', () => {
  it.each([
    ['within the day', '2026-11-24 09:00', 60, '2026-11-24 10:00'],
    ['arrival before opening', '2026-11-24 06:30', 60, '2026-11-24 09:00'],
    ['arrival exactly at opening', '2026-11-24 08:00', 30, '2026-11-24 08:30'],
    ['arrival exactly at closing', '2026-11-24 16:00', 30, '2026-11-25 08:30'],
    ['arrival after closing', '2026-11-24 19:45', 30, '2026-11-25 08:30'],
    ['due exactly at closing', '2026-11-24 08:00', 480, '2026-11-24 16:00'],
    ['over the end of the day', '2026-11-24 15:00', 120, '2026-11-25 09:00'],
    ['a Friday evening', '2026-11-20 18:00', 60, '2026-11-23 09:00'],
    ['a Friday afternoon over the weekend', '2026-11-20 15:30', 60, '2026-11-23 08:30'],
    ['on a Saturday', '2026-11-21 11:00', 60, '2026-11-23 09:00'],
    ['on a public holiday (May Day)', '2026-05-01 10:00', 60, '2026-05-04 09:00'],
    ['before Ascension Day', '2026-05-13 15:30', 60, '2026-05-15 08:30'],
    ['over Easter', '2026-04-02 15:00', 120, '2026-04-07 09:00'],
    ['over Midsummer (Eve closed)', '2026-06-18 15:00', 120, '2026-06-22 09:00'],
    ['over Christmas', '2026-12-23 15:00', 120, '2026-12-28 09:00'],
    ['over New Year', '2026-12-30 15:00', 120, '2027-01-04 09:00'],
    ['on National Day (a Saturday in 2026)', '2026-06-05 15:00', 120, '2026-06-08 09:00'],
    ['several days', '2026-11-23 08:00', 3 * 480 + 30, '2026-11-26 08:30'],
    ['zero minutes while open', '2026-11-24 10:15', 0, '2026-11-24 10:15'],
    ['zero minutes while closed', '2026-11-21 10:15', 0, '2026-11-23 08:00'],
  ])('%s: %s + %i min → %s', (_case, arrival, minutes, due) => {
    expect(local(addBusinessMinutes(stockholm, at(arrival), minutes))).toBe(due);
  });
});

describe('daylight saving time', () => {
  it('counts Friday to Monday across the spring change (CET → CEST)', () => {
    const due = addBusinessMinutes(stockholm, at('2026-03-27 15:00'), 120);
    expect(local(due)).toBe('2026-03-30 09:00');
    expect(due.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('counts Friday to Monday across the autumn change (CEST → CET)', () => {
    const due = addBusinessMinutes(stockholm, at('2026-10-23 15:00'), 120);
    expect(local(due)).toBe('2026-10-26 09:00');
    expect(due.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('counts the real minutes of the short spring night in a round-the-clock calendar', () => {
    expect(local(addBusinessMinutes(allWeek, at('2026-03-28 23:00'), 240))).toBe(
      '2026-03-29 04:00',
    );
    expect(businessMinutesBetween(allWeek, at('2026-03-29 00:00'), at('2026-03-30 00:00'))).toBe(
      23 * 60,
    );
  });

  it('counts the real minutes of the long autumn night in a round-the-clock calendar', () => {
    expect(local(addBusinessMinutes(allWeek, at('2026-10-24 23:00'), 240))).toBe(
      '2026-10-25 02:00',
    );
    expect(businessMinutesBetween(allWeek, at('2026-10-25 00:00'), at('2026-10-26 00:00'))).toBe(
      25 * 60,
    );
  });

  it('keeps an opening range that spans the skipped hour at its real length', () => {
    const night = calendarSpec({ weeklyHours: [{ weekday: 7, open: '01:00', close: '05:00' }] });
    expect(businessMinutesBetween(night, at('2026-03-28 00:00'), at('2026-03-30 00:00'))).toBe(180);
    expect(businessMinutesBetween(night, at('2026-10-24 00:00'), at('2026-10-26 00:00'))).toBe(300);
  });

  it('ends the next working day at local closing time on both sides of a change', () => {
    expect(local(endOfNthWorkingDay(stockholm, at('2026-03-27 10:00'), 1))).toBe(
      '2026-03-30 16:00',
    );
    expect(endOfNthWorkingDay(stockholm, at('2026-10-23 10:00'), 1).toISOString()).toBe(
      '2026-10-26T15:00:00.000Z',
    );
  });
});

describe('lunch breaks and several ranges a day', () => {
  it.each([
    ['over lunch', '2026-11-24 11:30', 60, '2026-11-24 13:30'],
    ['arrival during lunch', '2026-11-24 12:15', 30, '2026-11-24 13:30'],
    ['a full day is seven hours', '2026-11-24 08:00', 7 * 60, '2026-11-24 16:00'],
  ])('%s', (_case, arrival, minutes, due) => {
    expect(local(addBusinessMinutes(withLunch, at(arrival), minutes))).toBe(due);
  });

  it('merges overlapping ranges', () => {
    const overlapping = calendarSpec({
      weeklyHours: [
        { weekday: 2, open: '08:00', close: '12:00' },
        { weekday: 2, open: '10:00', close: '14:00' },
      ],
    });
    expect(
      businessMinutesBetween(overlapping, at('2026-11-24 00:00'), at('2026-11-25 00:00')),
    ).toBe(360);
  });
});

describe('"by the end of the Nth working day" after the day of arrival', () => {
  it.each([
    ['next working day from a Monday morning', '2026-11-23 10:00', 1, '2026-11-24 16:00'],
    ['same day (N = 0)', '2026-11-23 10:00', 0, '2026-11-23 16:00'],
    ['two working days', '2026-11-23 10:00', 2, '2026-11-25 16:00'],
    ['before opening, from that day', '2026-11-23 07:00', 1, '2026-11-24 16:00'],
    ['a Friday evening is due on Monday', '2026-11-20 18:00', 1, '2026-11-23 16:00'],
    ['a Friday at closing is due on Monday', '2026-11-20 16:00', 1, '2026-11-23 16:00'],
    ['a Saturday is due on Monday', '2026-11-21 12:00', 1, '2026-11-23 16:00'],
    ['a Sunday night is due on Monday', '2026-11-22 23:59', 1, '2026-11-23 16:00'],
    ['a Tuesday at closing is due on Wednesday', '2026-11-24 16:00', 1, '2026-11-25 16:00'],
    ['a Tuesday evening is due on Wednesday', '2026-11-24 20:00', 1, '2026-11-25 16:00'],
    ['just after midnight, from that day', '2026-11-24 00:01', 1, '2026-11-25 16:00'],
    ['N = 0 after closing: the next working day', '2026-11-23 17:00', 0, '2026-11-24 16:00'],
    ['before Christmas', '2026-12-23 14:00', 1, '2026-12-28 16:00'],
    ['on Christmas Day', '2026-12-25 10:00', 1, '2026-12-28 16:00'],
    ['before Midsummer', '2026-06-18 11:00', 1, '2026-06-22 16:00'],
    ['on a Midsummer Eve evening', '2026-06-19 19:00', 1, '2026-06-22 16:00'],
    ['before a holiday, after closing', '2026-01-05 17:00', 1, '2026-01-07 16:00'],
  ])('%s: %s, N = %i → %s', (_case, arrival, n, due) => {
    expect(local(endOfNthWorkingDay(stockholm, at(arrival), n))).toBe(due);
  });

  it.each([
    ['a Friday evening counts as Monday', '2026-11-20 18:00', 1, '2026-11-24 16:00'],
    ['a Saturday counts as Monday', '2026-11-21 12:00', 1, '2026-11-24 16:00'],
    ['exactly at closing counts as the next day', '2026-11-23 16:00', 1, '2026-11-25 16:00'],
    ['within opening hours it is the same rule', '2026-11-23 10:00', 1, '2026-11-24 16:00'],
  ])('counted from the next opening where the policy says so: %s', (_case, arrival, n, due) => {
    expect(local(endOfNthWorkingDay(stockholm, at(arrival), n, 'nextOpening'))).toBe(due);
  });

  it('on a half-day eve after its early closing, the next working day', () => {
    const halfEves = { ...stockholm, eveDays: 'HALF_DAY' as const };
    // Thursday 24 December 2026 closes at 12:00; the 25th and 26th are holidays.
    expect(local(endOfNthWorkingDay(halfEves, at('2026-12-24 13:00'), 1))).toBe('2026-12-28 16:00');
    expect(local(endOfNthWorkingDay(halfEves, at('2026-12-23 13:00'), 1))).toBe('2026-12-24 12:00');
  });

  it('a Friday evening in Oslo and in Helsinki is due on Monday, at local closing', () => {
    expect(local(endOfNthWorkingDay(oslo, at('2026-11-20 19:00', oslo), 1), oslo)).toBe(
      '2026-11-23 16:00',
    );
    const helsinkiDue = endOfNthWorkingDay(helsinki, at('2026-11-20 19:00', helsinki), 1);
    expect(local(helsinkiDue, helsinki)).toBe('2026-11-23 16:00');
    expect(helsinkiDue.toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  it('skips Epiphany in Helsinki after an evening message the day before', () => {
    expect(local(endOfNthWorkingDay(helsinki, at('2027-01-05 17:00', helsinki), 1), helsinki)).toBe(
      '2027-01-07 16:00',
    );
    expect(
      local(
        endOfNthWorkingDay(helsinki, at('2027-01-05 17:00', helsinki), 1, 'nextOpening'),
        helsinki,
      ),
    ).toBe('2027-01-08 16:00');
  });

  it('skips Norway’s Maundy Thursday after a Wednesday evening message', () => {
    expect(local(endOfNthWorkingDay(oslo, at('2026-04-01 20:00', oslo), 1), oslo)).toBe(
      '2026-04-07 16:00',
    );
  });

  it('ends at the last closing time of a day with a lunch break', () => {
    expect(local(endOfNthWorkingDay(withLunch, at('2026-11-23 09:00'), 1))).toBe(
      '2026-11-24 16:00',
    );
  });

  it('becomes a due time whose warning comes at a share of the allowed time', () => {
    const { dueAt, warnAt } = dueTimes(
      stockholm,
      { workingDays: 1, warnAtPercent: 75 },
      at('2026-11-23 08:00'),
    );
    expect(local(dueAt)).toBe('2026-11-24 16:00');
    expect(local(warnAt!)).toBe('2026-11-24 12:00');
  });
});

describe('Norway and Finland, each in its own time zone', () => {
  it('closes on Maundy Thursday in Norway (not a Swedish holiday)', () => {
    expect(local(endOfNthWorkingDay(oslo, at('2026-04-01 15:00', oslo), 1), oslo)).toBe(
      '2026-04-07 16:00',
    );
    expect(local(endOfNthWorkingDay(stockholm, at('2026-04-01 15:00'), 1))).toBe(
      '2026-04-02 16:00',
    );
  });

  it('closes on Constitution Day (17 May) in Norway', () => {
    const calendar = { ...oslo };
    expect(local(addBusinessMinutes(calendar, at('2027-05-14 15:00', oslo), 120), oslo)).toBe(
      '2027-05-18 09:00',
    );
  });

  it('closes on Epiphany in Finland, with Helsinki office hours', () => {
    const due = addBusinessMinutes(helsinki, at('2026-01-05 15:00', helsinki), 120);
    expect(local(due, helsinki)).toBe('2026-01-07 09:00');
    expect(due.toISOString()).toBe('2026-01-07T07:00:00.000Z');
  });

  it('closes on Midsummer Eve in Finland', () => {
    expect(
      local(addBusinessMinutes(helsinki, at('2026-06-18 15:30', helsinki), 60), helsinki),
    ).toBe('2026-06-22 08:30');
  });

  it('marks holidays by kind', () => {
    expect(holidayOn(['SE'], '2026-06-19')).toBe('eve');
    expect(holidayOn(['SE'], '2026-06-06')).toBe('public');
    expect(holidayOn(['NO'], '2026-05-17')).toBe('public');
    expect(holidayOn(['FI'], '2026-12-06')).toBe('public');
    expect(holidayOn(['SE'], '2026-11-24')).toBeUndefined();
  });
});

describe('the calendar’s own closed days, half days and switches', () => {
  it('half days on eves close at the half-day closing time', () => {
    const halfEves = { ...stockholm, eveDays: 'HALF_DAY' as const };
    expect(local(addBusinessMinutes(halfEves, at('2026-06-18 15:00'), 300))).toBe(
      '2026-06-19 12:00',
    );
    expect(local(addBusinessMinutes(halfEves, at('2026-06-18 15:00'), 301))).toBe(
      '2026-06-22 08:01',
    );
  });

  it('eves can be ordinary working days', () => {
    const openEves = { ...stockholm, eveDays: 'OPEN' as const };
    expect(local(addBusinessMinutes(openEves, at('2026-12-23 15:00'), 120))).toBe(
      '2026-12-24 09:00',
    );
  });

  it('closes on its own closed dates', () => {
    const withClosed = { ...stockholm, closedDates: ['2026-11-24'] };
    expect(local(addBusinessMinutes(withClosed, at('2026-11-23 15:00'), 120))).toBe(
      '2026-11-25 09:00',
    );
  });

  it('closes early on its own half days', () => {
    const withHalf = { ...stockholm, halfDays: [{ date: '2026-04-30', close: '13:00' }] };
    expect(local(addBusinessMinutes(withHalf, at('2026-04-30 12:00'), 120))).toBe(
      '2026-05-04 09:00',
    );
  });

  it('opens on a holiday switched off with openDates', () => {
    const openOnEpiphany = {
      ...calendarSpec({ weeklyHours: weekdays('08:00', '16:00'), holidayCountries: ['SE'] }),
      openDates: ['2026-01-06'],
    };
    expect(local(addBusinessMinutes(openOnEpiphany, at('2026-01-05 15:00'), 120))).toBe(
      '2026-01-06 09:00',
    );
  });

  it('ignores holidays when no country is chosen', () => {
    const noHolidays = calendarSpec({ weeklyHours: weekdays('08:00', '16:00') });
    expect(local(addBusinessMinutes(noHolidays, at('2026-12-23 15:00'), 120))).toBe(
      '2026-12-24 09:00',
    );
  });

  it('tells whether it is open', () => {
    expect(isOpenAt(stockholm, at('2026-11-24 10:00'))).toBe(true);
    expect(isOpenAt(stockholm, at('2026-11-24 16:00'))).toBe(false);
    expect(isOpenAt(stockholm, at('2026-12-25 10:00'))).toBe(false);
  });

  it('refuses a calendar that never opens', () => {
    const never = calendarSpec({ weeklyHours: [] });
    expect(() => addBusinessMinutes(never, at('2026-11-24 10:00'), 1)).toThrow(CalendarNeverOpen);
  });

  it('refuses an unknown time zone', () => {
    const wrong = calendarSpec({
      timeZone: 'Europe/Atlantis',
      weeklyHours: weekdays('08:00', '16:00'),
    });
    expect(() => addBusinessMinutes(wrong, new Date(), 1)).toThrow(/Unknown time zone/);
  });
});

describe('pauses (waiting on the citizen)', () => {
  it('moves the due time by the business time of a pause across midnight', () => {
    const pauses = [pause('2026-11-23 15:00', '2026-11-24 10:00')];
    expect(local(addBusinessMinutes(stockholm, at('2026-11-23 09:00'), 480))).toBe(
      '2026-11-24 09:00',
    );
    expect(local(addBusinessMinutes(stockholm, at('2026-11-23 09:00'), 480, pauses))).toBe(
      '2026-11-24 12:00',
    );
  });

  it('counts nothing for a pause that lies wholly in closed hours', () => {
    const pauses = [pause('2026-11-23 18:00', '2026-11-24 07:00')];
    expect(local(addBusinessMinutes(stockholm, at('2026-11-23 15:00'), 120, pauses))).toBe(
      '2026-11-24 09:00',
    );
  });

  it('handles a pause over a weekend and several pauses', () => {
    const pauses = [
      pause('2026-11-20 15:00', '2026-11-23 09:00'),
      pause('2026-11-23 10:00', '2026-11-23 11:00'),
    ];
    // 60 min on Friday, 60 on Monday 09–10, then the rest from 11:00.
    expect(local(addBusinessMinutes(stockholm, at('2026-11-20 14:00'), 180, pauses))).toBe(
      '2026-11-23 12:00',
    );
    expect(
      businessMinutesBetween(stockholm, at('2026-11-20 14:00'), at('2026-11-23 12:00'), pauses),
    ).toBe(180);
  });

  it('counts business minutes between two instants', () => {
    expect(businessMinutesBetween(stockholm, at('2026-11-20 15:00'), at('2026-11-23 09:30'))).toBe(
      150,
    );
    expect(businessMinutesBetween(stockholm, at('2026-11-23 09:30'), at('2026-11-20 15:00'))).toBe(
      0,
    );
  });
});
