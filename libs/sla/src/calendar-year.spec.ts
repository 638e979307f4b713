import { calendarSpec, openingHoursOn } from './calendar';
import { holidaysInYear } from './holidays';

const weekdays = (open: string, close: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));

describe('a calendar year as an admin reads it', () => {
  it('lists Swedish public holidays and eves by name, and Norway’s beside them', () => {
    const days = holidaysInYear(['SE', 'NO'], 2027);
    expect(days).toContainEqual({
      date: '2027-06-25',
      country: 'SE',
      kind: 'eve',
      name: 'midsommarafton',
    });
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2027-06-06', country: 'SE', kind: 'public' }),
    );
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2027-05-17', country: 'NO', kind: 'public' }),
    );
    expect(days.map((day) => day.date)).toEqual([...days.map((day) => day.date)].sort());
    expect(holidaysInYear(['SE'], 2027, 'en').find((d) => d.date === '2027-12-24')?.name).toBe(
      'Christmas Eve',
    );
  });

  it('resolves each day’s hours: holidays closed, eves half, own days first', () => {
    const spec = calendarSpec({
      weeklyHours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '16:30')],
      holidayCountries: ['SE'],
      eveDays: 'HALF_DAY',
      halfDayClose: '12:00',
      halfDays: [{ date: '2027-04-30', close: '13:00' }],
      openDates: ['2027-05-06'],
    });
    expect(openingHoursOn(spec, '2027-06-07')).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '16:30' },
    ]);
    expect(openingHoursOn(spec, '2027-06-25')).toEqual([{ open: '08:00', close: '12:00' }]);
    expect(openingHoursOn(spec, '2027-04-30')).toEqual([{ open: '08:00', close: '12:00' }]);
    expect(openingHoursOn(spec, '2027-03-26')).toEqual([]);
    expect(openingHoursOn(spec, '2027-05-06')).toHaveLength(2);
    expect(openingHoursOn(spec, '2027-06-26')).toEqual([]);
  });
});
