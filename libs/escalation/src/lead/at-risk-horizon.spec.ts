import { calendarSpec } from '@svara/sla';
import { atRiskHorizons } from './at-risk-horizon';

const officeHours = calendarSpec({
  timeZone: 'Europe/Stockholm',
  weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })),
});

describe('atRiskHorizons', () => {
  it('looks one working hour ahead while open', () => {
    // Wednesday 2026-12-02 10:15 in Stockholm (UTC+1).
    const horizons = atRiskHorizons(
      [{ id: 'p', calendar: officeHours }],
      new Date('2026-12-02T09:15:00Z'),
    );
    expect(horizons.get('p')).toEqual(new Date('2026-12-02T10:15:00Z'));
  });

  it("reaches over a closed weekend to Monday's first hour", () => {
    // Friday 2026-12-04 17:00 in Stockholm: closed until Monday 08:00.
    const horizons = atRiskHorizons(
      [{ id: 'p', calendar: officeHours }],
      new Date('2026-12-04T16:00:00Z'),
    );
    expect(horizons.get('p')).toEqual(new Date('2026-12-07T08:00:00Z'));
  });
});
