import { describe, expect, it } from 'vitest';
import { emptyPolicyForm, inputOf, policyForm } from './form';

describe('the policy form', () => {
  it('sends a new policy as the API takes it: working days with their count, two levels', () => {
    const form = emptyPolicyForm('cal-1');
    form.name = ' Nästa arbetsdag ';
    form.levels[1]!.addresses = 'registrator@kommun.test, chef@kommun.test;  ';
    form.levels[1]!.afterMinutes = '30';
    expect(inputOf(form, true)).toEqual({
      name: 'Nästa arbetsdag',
      calendarId: 'cal-1',
      locale: 'sv',
      firstResponse: { workingDays: 1, countFrom: 'arrivalDay', warnBeforeMinutes: 60 },
      nextResponse: undefined,
      resolution: undefined,
      escalationLevels: [
        {
          level: 1,
          on: 'WARNING',
          recipients: { threadTeamLeads: true, teamIds: [], addresses: [] },
        },
        {
          level: 2,
          on: 'BREACH',
          afterMinutes: 30,
          recipients: {
            threadTeamLeads: true,
            teamIds: [],
            addresses: ['registrator@kommun.test', 'chef@kommun.test'],
          },
        },
      ],
    });
  });

  it('reads a saved policy back, and removes a target switched off when saved again', () => {
    const form = policyForm({
      id: 'p',
      name: 'Fyra timmar',
      calendarId: 'cal-1',
      locale: 'en',
      firstResponse: { minutes: 240, warnAtPercent: 75 } as never,
      nextResponse: null,
      resolution: { workingDays: 5, countFrom: 'nextOpening' },
      escalationLevels: [
        { level: 1, on: 'BREACH', recipients: { teamIds: ['t1'], addresses: ['a@kommun.test'] } },
      ],
      createdAt: '',
      updatedAt: '',
    });
    expect(form.targets.firstResponse).toMatchObject({
      unit: 'minutes',
      amount: '240',
      warning: 'percent',
      warningAmount: '75',
    });
    expect(form.targets.resolution).toMatchObject({
      unit: 'workingDays',
      countFrom: 'nextOpening',
    });
    form.targets.resolution.enabled = false;
    const input = inputOf(form, false);
    expect(input.resolution).toBeNull();
    expect(input.firstResponse).toEqual({ minutes: 240, warnAtPercent: 75 });
    expect(input.escalationLevels?.[0]?.recipients).toEqual({
      threadTeamLeads: false,
      teamIds: ['t1'],
      addresses: ['a@kommun.test'],
    });
  });
});
