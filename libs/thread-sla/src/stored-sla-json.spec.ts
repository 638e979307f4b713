import { StoredJsonInvalid } from '@svara/common';
import { calendarOf, policyOf } from './sla-settings';
import { decodeDeadlines, decodeTarget } from './stored-sla-json';

describe('SLA settings read from their JSON columns', () => {
  const calendarRow = {
    timeZone: 'Europe/Stockholm',
    weeklyHours: [{ weekday: 1, open: '08:00', close: '16:30' }],
    holidayCountries: ['SE'],
    eveDays: 'HALF_DAY' as const,
    halfDayClose: '12:00',
    closedDates: [],
    halfDays: [{ date: '2026-12-23', close: '13:00' }],
    openDates: [],
  };

  it('reads what the API stores', () => {
    expect(calendarOf(calendarRow).weeklyHours).toEqual(calendarRow.weeklyHours);
    const policy = policyOf({
      id: 'p',
      firstResponse: { workingDays: 1, warnAtPercent: 80 },
      nextResponse: { minutes: 240 },
      resolution: null,
      escalationLevels: [{ level: 1, on: 'BREACH', recipients: { threadTeamLeads: true } }],
    });
    expect(policy).toEqual({
      firstResponse: { workingDays: 1, warnAtPercent: 80 },
      nextResponse: { minutes: 240 },
      resolution: undefined,
      escalationLevels: [{ level: 1, on: 'BREACH', afterMinutes: undefined }],
    });
  });

  it('refuses a row written wrong, saying what is wrong', () => {
    expect(() =>
      calendarOf({ ...calendarRow, weeklyHours: [{ weekday: 'mån', open: '08:00' }] }),
    ).toThrow(StoredJsonInvalid);
    expect(() => calendarOf({ ...calendarRow, weeklyHours: [{ weekday: 1 }] })).toThrow(
      /weekly hours.*must have required property 'open'/,
    );
    // A target is minutes or working days, not both and not neither.
    expect(() => decodeTarget({ minutes: 60, workingDays: 1 })).toThrow(StoredJsonInvalid);
    expect(() => decodeTarget({ warnAtPercent: 80 })).toThrow(StoredJsonInvalid);
    expect(() => decodeTarget({ workingDays: 1, countFrom: 'tomorrow' })).toThrow(/SLA target/);
    expect(() => decodeDeadlines([{ target: 'lunch', startedAt: 'x', dueAt: 'y' }])).toThrow(
      /deadlines/,
    );
  });

  it('keeps the count-from rule and ignores keys it does not know', () => {
    expect(decodeTarget({ workingDays: 2, countFrom: 'nextOpening', note: 'old' })).toEqual({
      workingDays: 2,
      countFrom: 'nextOpening',
    });
  });
});
