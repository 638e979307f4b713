import {
  applyEvent,
  businessMinutesBetween,
  type Deadline,
  deadlinesOf,
  emptyRecord,
  escalationSteps,
  type SlaEvent,
  type SlaRecord,
  type SlaStateName,
  snapshot,
  type ThreadStatusName,
} from '@svara/sla';
import type { SlaSettings } from './sla-settings';

/** What the SLA arithmetic needs to know of a thread. */
export interface SlaThread {
  status: ThreadStatusName;
  slaClocks: SlaRecord | null;
  /** The team's policy, else the channel's. */
  effectivePolicyId: string | null;
  channelCreatedAt: Date;
  firstResponseAt: Date | null;
  slaStartedAt: Date | null;
  firstResponseMins: number | null;
  firstResponseMet: boolean | null;
}

/** The SLA columns of a thread row, as they are written. */
export interface ThreadSlaFields {
  slaPolicyId: string | null;
  slaClocks: SlaRecord;
  slaDeadlines: Deadline[];
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextSlaCheckAt: Date | null;
  nextEscalationAt: Date | null;
  slaState: SlaStateName;
  escalationLevel: number;
  firstResponseAt: Date | null;
  slaStartedAt: Date | null;
  firstResponseMins: number | null;
  firstResponseMet: boolean | null;
}

/**
 * Each SLA column's SQL type: statements that write SLA fields take them as
 * JSON rows (json_to_recordset) with these columns, keyed as ThreadSlaFields.
 */
export const SLA_COLUMN_TYPES: Record<keyof ThreadSlaFields, string> = {
  slaPolicyId: 'uuid',
  slaClocks: 'jsonb',
  slaDeadlines: 'jsonb',
  firstResponseDueAt: 'timestamptz',
  nextResponseDueAt: 'timestamptz',
  resolutionDueAt: 'timestamptz',
  nextSlaCheckAt: 'timestamptz',
  nextEscalationAt: 'timestamptz',
  slaState: '"SlaState"',
  escalationLevel: 'int',
  firstResponseAt: 'timestamptz',
  slaStartedAt: 'timestamptz',
  firstResponseMins: 'int',
  firstResponseMet: 'boolean',
};

/** A stored message, as far as the SLA clocks care. */
export interface LandedMessage {
  direction: string;
  automatic: boolean;
  sentAt: Date;
}

/** The clock events of messages that landed in one thread, oldest first. */
export function eventsOfMessages(messages: readonly LandedMessage[]): SlaEvent[] {
  return [...messages]
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
    .flatMap((message): SlaEvent[] => {
      if (message.automatic) return [];
      if (message.direction === 'INBOUND') return [{ type: 'citizenMessage', at: message.sentAt }];
      if (message.direction === 'OUTBOUND') return [{ type: 'response', at: message.sentAt }];
      return [];
    });
}

/**
 * A thread's SLA fields after `events`: its clocks moved on, due times under
 * its policy and calendar, and its state as of `now`. The first response's
 * time and figures, once set, are kept.
 */
export function advanceSla(
  thread: SlaThread,
  events: readonly SlaEvent[],
  settings: SlaSettings,
  now: Date,
): ThreadSlaFields {
  const found = thread.effectivePolicyId ? settings.get(thread.effectivePolicyId) : undefined;
  let record = thread.slaClocks ?? emptyRecord();
  let firstResponseAt: Date | null = null;
  let slaStartedAt: Date | null = null;
  let firstResponseMins: number | null = null;
  let firstResponseMet: boolean | null = null;

  for (const event of events) {
    const before = found ? deadlinesOf(record, found.policy, found.calendar) : [];
    const result = applyEvent(record, event);
    if (!record.clocks.firstResponse && result.record.clocks.firstResponse && !record.answered)
      slaStartedAt ??= new Date(result.record.clocks.firstResponse.startedAt);
    for (const stopped of result.stopped) {
      if (stopped.target !== 'firstResponse') continue;
      firstResponseAt = stopped.at;
      const deadline = before.find((d) => d.target === 'firstResponse');
      if (found) {
        const pauses = stopped.clock.pauses
          .filter((p) => p.to !== undefined)
          .map((p) => ({ from: new Date(p.from), to: new Date(p.to!) }));
        firstResponseMins = Math.round(
          businessMinutesBetween(
            found.calendar,
            new Date(stopped.clock.startedAt),
            stopped.at,
            pauses,
          ),
        );
        firstResponseMet = deadline ? stopped.at <= new Date(deadline.dueAt) : null;
      }
    }
    if (event.type === 'response' && !record.answered) firstResponseAt ??= event.at;
    record = result.record;
  }

  const deadlines = found ? deadlinesOf(record, found.policy, found.calendar) : [];
  const steps = found
    ? escalationSteps(deadlines, found.policy.escalationLevels, thread.channelCreatedAt)
    : [];
  const view = snapshot(record, deadlines, steps, now, { pendingSteps: true });
  return {
    slaPolicyId: thread.effectivePolicyId,
    slaClocks: record,
    slaDeadlines: deadlines,
    firstResponseDueAt: view.firstResponseDueAt,
    nextResponseDueAt: view.nextResponseDueAt,
    resolutionDueAt: view.resolutionDueAt,
    nextSlaCheckAt: view.nextSlaCheckAt,
    nextEscalationAt: view.nextEscalationAt,
    slaState: found ? view.slaState : 'NONE',
    escalationLevel: view.escalationLevel,
    firstResponseAt: thread.firstResponseAt ?? firstResponseAt,
    slaStartedAt: thread.slaStartedAt ?? slaStartedAt,
    firstResponseMins: firstResponseMins ?? thread.firstResponseMins,
    firstResponseMet: firstResponseMet ?? thread.firstResponseMet,
  };
}
