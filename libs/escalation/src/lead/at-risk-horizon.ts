import { addBusinessMinutes, type CalendarSpec, CalendarNeverOpen } from '@svara/sla';

/** "At risk" looks this far ahead, in working time. */
export const AT_RISK_WORKING_MINUTES = 60;

/**
 * Until when a deadline counts as at risk, per policy: the end of the next
 * working hour by the policy's calendar (on a Friday evening, Monday's first
 * hour). A calendar that never opens has no horizon.
 */
export function atRiskHorizons(
  policies: { id: string; calendar: CalendarSpec }[],
  now: Date,
): Map<string, Date> {
  const horizons = new Map<string, Date>();
  for (const policy of policies) {
    try {
      horizons.set(policy.id, addBusinessMinutes(policy.calendar, now, AT_RISK_WORKING_MINUTES));
    } catch (error) {
      if (!(error instanceof CalendarNeverOpen)) throw error;
    }
  }
  return horizons;
}
