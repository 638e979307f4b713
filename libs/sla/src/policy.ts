import {
  addBusinessTime,
  businessTimeBetween,
  endOfNthWorkingDay,
  type Pause,
  type WorkingDaysFrom,
} from './business-time';
import type { CalendarSpec } from './calendar';

export const TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type TargetName = (typeof TARGETS)[number];

/**
 * A promise: either business minutes, or "by the end of the Nth working day
 * after the day of arrival" (counted from the next opening where the policy
 * says so). The warning comes a number of business minutes before the due
 * time, or once a share of the allowed time has run.
 */
export type Target = (
  { minutes: number } | { workingDays: number; countFrom?: WorkingDaysFrom }
) & {
  warnBeforeMinutes?: number;
  warnAtPercent?: number;
};

/**
 * When an escalation level fires for a deadline: at its warning, or at its
 * breach, optionally a number of (wall-clock) minutes later.
 */
export interface EscalationTiming {
  level: number;
  on: 'WARNING' | 'BREACH';
  afterMinutes?: number;
}

export interface PolicySpec {
  firstResponse?: Target;
  nextResponse?: Target;
  resolution?: Target;
  escalationLevels: EscalationTiming[];
}

const MINUTE = 60_000;

/** How much business time a target allows for a clock started at `startedAt`. */
export function allowance(calendar: CalendarSpec, target: Target, startedAt: Date): number {
  if ('minutes' in target) return target.minutes * MINUTE;
  return businessTimeBetween(
    calendar,
    startedAt,
    endOfNthWorkingDay(calendar, startedAt, target.workingDays, target.countFrom),
  );
}

/** The business time that may run before the warning, or undefined without one. */
export function warningAllowance(target: Target, allowed: number): number | undefined {
  if (target.warnBeforeMinutes !== undefined)
    return Math.max(0, allowed - target.warnBeforeMinutes * MINUTE);
  if (target.warnAtPercent !== undefined) return Math.floor((allowed * target.warnAtPercent) / 100);
  return undefined;
}

/** Due and warning times of a clock that started at `startedAt` and was paused during `pauses`. */
export function dueTimes(
  calendar: CalendarSpec,
  target: Target,
  startedAt: Date,
  pauses: readonly Pause[] = [],
): { dueAt: Date; warnAt?: Date } {
  const allowed = allowance(calendar, target, startedAt);
  const beforeWarning = warningAllowance(target, allowed);
  return {
    dueAt: addBusinessTime(calendar, startedAt, allowed, pauses),
    warnAt:
      beforeWarning === undefined
        ? undefined
        : addBusinessTime(calendar, startedAt, beforeWarning, pauses),
  };
}
