import type { CalendarSpec } from './calendar';
import {
  dueTimes,
  type EscalationTiming,
  type PolicySpec,
  TARGETS,
  type TargetName,
} from './policy';

/** One clock: when it started and when it was paused (an open pause means it is paused now). */
export interface ClockRecord {
  startedAt: string;
  pauses: { from: string; to?: string }[];
}

/** A thread's SLA clocks, stored on the thread. Independent of the policy, so a policy change only re-derives. */
export interface SlaRecord {
  /** Whether the municipality has answered the thread at least once. */
  answered: boolean;
  clocks: Partial<Record<TargetName, ClockRecord>>;
}

export type ThreadStatusName = 'OPEN' | 'PENDING' | 'CLOSED';

export type SlaEvent =
  /** The citizen wrote (not an auto-reply or bounce). */
  | { type: 'citizenMessage'; at: Date }
  /** The municipality answered on the channel: an agent's reply, a Page echo, a mail sent from the mailbox. */
  | { type: 'response'; at: Date }
  | { type: 'status'; from: ThreadStatusName; to: ThreadStatusName; at: Date };

/** A clock a response stopped, with what the report needs. */
export interface StoppedClock {
  target: TargetName;
  clock: ClockRecord;
  at: Date;
}

export const emptyRecord = (): SlaRecord => ({ answered: false, clocks: {} });

const iso = (date: Date) => date.toISOString();
const isPaused = (clock: ClockRecord) => clock.pauses.some((pause) => pause.to === undefined);

function start(at: Date): ClockRecord {
  return { startedAt: iso(at), pauses: [] };
}

function pause(clock: ClockRecord, at: Date): ClockRecord {
  if (isPaused(clock)) return clock;
  const from = new Date(Math.max(at.getTime(), Date.parse(clock.startedAt)));
  return { ...clock, pauses: [...clock.pauses, { from: iso(from) }] };
}

function resume(clock: ClockRecord, at: Date): ClockRecord {
  return {
    ...clock,
    pauses: clock.pauses.map((p) =>
      p.to === undefined
        ? { from: p.from, to: iso(new Date(Math.max(at.getTime(), Date.parse(p.from)))) }
        : p,
    ),
  };
}

function mapClocks(record: SlaRecord, change: (clock: ClockRecord) => ClockRecord): SlaRecord {
  const clocks: SlaRecord['clocks'] = {};
  for (const target of TARGETS) {
    const clock = record.clocks[target];
    if (clock) clocks[target] = change(clock);
  }
  return { ...record, clocks };
}

/**
 * Applies one thing that happened on a thread to its clocks. PENDING pauses
 * them, the citizen's next message resumes them, CLOSED stops them, and
 * reopening starts a next-response clock.
 */
export function applyEvent(
  record: SlaRecord,
  event: SlaEvent,
): { record: SlaRecord; stopped: StoppedClock[] } {
  switch (event.type) {
    case 'citizenMessage': {
      const resumed = mapClocks(record, (clock) => resume(clock, event.at));
      const clocks = { ...resumed.clocks };
      if (!record.answered) clocks.firstResponse ??= start(event.at);
      else clocks.nextResponse ??= start(event.at);
      clocks.resolution ??= start(event.at);
      return { record: { ...resumed, clocks }, stopped: [] };
    }
    case 'response': {
      const stopped: StoppedClock[] = [];
      const clocks = { ...record.clocks };
      for (const target of ['firstResponse', 'nextResponse'] as const) {
        const clock = clocks[target];
        // A message older than the clock did not answer what started it.
        if (clock && Date.parse(clock.startedAt) <= event.at.getTime()) {
          stopped.push({ target, clock, at: event.at });
          delete clocks[target];
        }
      }
      return { record: { answered: true, clocks }, stopped };
    }
    case 'status':
      return { record: statusChanged(record, event.from, event.to, event.at), stopped: [] };
  }
}

function statusChanged(
  record: SlaRecord,
  from: ThreadStatusName,
  to: ThreadStatusName,
  at: Date,
): SlaRecord {
  if (from === to) return record;
  if (to === 'CLOSED') return { answered: record.answered, clocks: {} };
  let next = record;
  if (from === 'CLOSED') {
    const reopened = record.answered ? { nextResponse: start(at) } : { firstResponse: start(at) };
    next = { ...record, clocks: { ...reopened, resolution: start(at) } };
  }
  if (to === 'PENDING') return mapClocks(next, (clock) => pause(clock, at));
  return mapClocks(next, (clock) => resume(clock, at));
}

/** A running clock's deadline under a policy. */
export interface Deadline {
  target: TargetName;
  startedAt: string;
  dueAt: string;
  warnAt?: string;
}

/** The deadlines of the clocks that run now (paused clocks have none) under a policy and calendar. */
export function deadlinesOf(
  record: SlaRecord,
  policy: PolicySpec,
  calendar: CalendarSpec,
): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const target of TARGETS) {
    const clock = record.clocks[target];
    const promise = policy[target];
    if (!clock || !promise || isPaused(clock)) continue;
    const pauses = clock.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to!) }));
    const { dueAt, warnAt } = dueTimes(calendar, promise, new Date(clock.startedAt), pauses);
    deadlines.push({
      target,
      startedAt: clock.startedAt,
      dueAt: iso(dueAt),
      ...(warnAt ? { warnAt: iso(warnAt) } : {}),
    });
  }
  return deadlines;
}

/** One escalation level of one deadline, and when it falls due. */
export interface EscalationStep {
  target: TargetName;
  level: number;
  dueAt: Date;
  at: Date;
  /** Imported history: the deadline or this step passed before the channel existed, so no e-mail. */
  silent: boolean;
}

const MINUTE = 60_000;

/** Every escalation step of the given deadlines, earliest first. */
export function escalationSteps(
  deadlines: readonly Deadline[],
  levels: readonly EscalationTiming[],
  quietBefore?: Date,
): EscalationStep[] {
  const steps: EscalationStep[] = [];
  for (const deadline of deadlines) {
    const dueAt = new Date(deadline.dueAt);
    for (const level of levels) {
      const base = level.on === 'WARNING' ? deadline.warnAt : deadline.dueAt;
      if (!base) continue;
      const at = new Date(Date.parse(base) + (level.afterMinutes ?? 0) * MINUTE);
      const silent = quietBefore !== undefined && (dueAt < quietBefore || at < quietBefore);
      steps.push({ target: deadline.target, level: level.level, dueAt, at, silent });
    }
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.level - b.level);
}

export type SlaStateName = 'NONE' | 'OK' | 'WARNING' | 'BREACHED';

/** The SLA fields stored on a thread, as of one instant. */
export interface SlaSnapshot {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** The earliest due time of a running clock: the inbox sorts by it. */
  nextSlaCheckAt: Date | null;
  slaState: SlaStateName;
  escalationLevel: number;
  /**
   * When the scheduler must next look at the thread: the next warning, breach
   * or escalation step; with `pendingSteps`, also steps already passed that
   * may still need their e-mail.
   */
  nextEscalationAt: Date | null;
}

export function snapshot(
  record: SlaRecord,
  deadlines: readonly Deadline[],
  steps: readonly EscalationStep[],
  now: Date,
  { pendingSteps }: { pendingSteps: boolean },
): SlaSnapshot {
  const due = (target: TargetName) => {
    const deadline = deadlines.find((d) => d.target === target);
    return deadline ? new Date(deadline.dueAt) : null;
  };
  const t = now.getTime();
  const moments = [
    ...deadlines.flatMap((d) => [d.dueAt, ...(d.warnAt ? [d.warnAt] : [])]).map(Date.parse),
    ...steps.map((step) => step.at.getTime()),
  ];
  const future = moments.filter((m) => m > t);
  const passedSteps = steps.filter((step) => step.at.getTime() <= t);
  const candidates = [
    ...future,
    ...(pendingSteps ? passedSteps.filter((s) => !s.silent).map((s) => s.at.getTime()) : []),
  ];
  const dues = deadlines.map((d) => Date.parse(d.dueAt));

  let slaState: SlaStateName = 'NONE';
  if (Object.keys(record.clocks).length > 0) slaState = 'OK';
  if (deadlines.some((d) => d.warnAt && Date.parse(d.warnAt) <= t)) slaState = 'WARNING';
  if (dues.some((d) => d <= t)) slaState = 'BREACHED';

  return {
    firstResponseDueAt: due('firstResponse'),
    nextResponseDueAt: due('nextResponse'),
    resolutionDueAt: due('resolution'),
    nextSlaCheckAt: dues.length ? new Date(Math.min(...dues)) : null,
    slaState,
    escalationLevel: Math.max(0, ...passedSteps.map((step) => step.level)),
    nextEscalationAt: candidates.length ? new Date(Math.min(...candidates)) : null,
  };
}
