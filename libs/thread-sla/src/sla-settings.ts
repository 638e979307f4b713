import type { BusinessCalendar, SlaPolicy } from '@svara/database';
import type {
  CalendarSpec,
  EscalationTiming,
  HalfDay,
  HolidayCountry,
  OpeningRange,
  PolicySpec,
  Target,
} from '@svara/sla';

/** Who an escalation level mails. */
export interface EscalationRecipients {
  userIds?: string[];
  /** The leads of these teams. */
  teamIds?: string[];
  /** The leads of the thread's own team. */
  threadTeamLeads?: boolean;
  addresses?: string[];
}

export interface EscalationLevelSetting extends EscalationTiming {
  recipients: EscalationRecipients;
}

/** A stored calendar as the SLA arithmetic reads it. */
export function calendarOf(row: BusinessCalendar): CalendarSpec {
  return {
    timeZone: row.timeZone,
    weeklyHours: row.weeklyHours as unknown as OpeningRange[],
    holidayCountries: row.holidayCountries as HolidayCountry[],
    eveDays: row.eveDays,
    halfDayClose: row.halfDayClose,
    closedDates: row.closedDates,
    halfDays: row.halfDays as unknown as HalfDay[],
    openDates: row.openDates,
  };
}

export function escalationLevelsOf(
  row: Pick<SlaPolicy, 'escalationLevels'>,
): EscalationLevelSetting[] {
  return (row.escalationLevels ?? []) as unknown as EscalationLevelSetting[];
}

/** A stored policy as the SLA arithmetic reads it. */
export function policyOf(row: SlaPolicy): PolicySpec {
  return {
    firstResponse: (row.firstResponse ?? undefined) as Target | undefined,
    nextResponse: (row.nextResponse ?? undefined) as Target | undefined,
    resolution: (row.resolution ?? undefined) as Target | undefined,
    escalationLevels: escalationLevelsOf(row).map(({ level, on, afterMinutes }) => ({
      level,
      on,
      afterMinutes,
    })),
  };
}
