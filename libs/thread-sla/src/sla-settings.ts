import type { BusinessCalendar, SlaPolicy } from '@svara/database';
import type { CalendarSpec, EscalationTiming, HolidayCountry, PolicySpec } from '@svara/sla';
import {
  decodeEscalationLevels,
  decodeHalfDays,
  decodeOpeningRanges,
  decodeTarget,
} from './stored-sla-json';

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

type CalendarRow = Pick<
  BusinessCalendar,
  | 'timeZone'
  | 'weeklyHours'
  | 'holidayCountries'
  | 'eveDays'
  | 'halfDayClose'
  | 'closedDates'
  | 'halfDays'
  | 'openDates'
>;

type PolicyRow = Pick<
  SlaPolicy,
  'id' | 'firstResponse' | 'nextResponse' | 'resolution' | 'escalationLevels'
>;

/** A stored policy with its calendar, as far as the SLA arithmetic reads them. */
export type PolicyWithCalendar = PolicyRow & { calendar: CalendarRow };

/** A policy and its calendar, ready for the SLA arithmetic. */
export interface Settings {
  policy: PolicySpec;
  calendar: CalendarSpec;
}

/** Settings by policy id. */
export type SlaSettings = Map<string, Settings>;

/** A stored calendar as the SLA arithmetic reads it. */
export function calendarOf(row: CalendarRow): CalendarSpec {
  return {
    timeZone: row.timeZone,
    weeklyHours: decodeOpeningRanges(row.weeklyHours),
    holidayCountries: row.holidayCountries as HolidayCountry[],
    eveDays: row.eveDays,
    halfDayClose: row.halfDayClose,
    closedDates: row.closedDates,
    halfDays: decodeHalfDays(row.halfDays),
    openDates: row.openDates,
  };
}

export function escalationLevelsOf(
  row: Pick<SlaPolicy, 'escalationLevels'>,
): EscalationLevelSetting[] {
  return decodeEscalationLevels(row.escalationLevels ?? []);
}

const targetOf = (stored: unknown) => (stored == null ? undefined : decodeTarget(stored));

/** A stored policy as the SLA arithmetic reads it. */
export function policyOf(row: PolicyRow): PolicySpec {
  return {
    firstResponse: targetOf(row.firstResponse),
    nextResponse: targetOf(row.nextResponse),
    resolution: targetOf(row.resolution),
    escalationLevels: escalationLevelsOf(row).map(({ level, on, afterMinutes }) => ({
      level,
      on,
      afterMinutes,
    })),
  };
}

export function settingsOf(rows: PolicyWithCalendar[]): SlaSettings {
  return new Map(
    rows.map((row) => [row.id, { policy: policyOf(row), calendar: calendarOf(row.calendar) }]),
  );
}
