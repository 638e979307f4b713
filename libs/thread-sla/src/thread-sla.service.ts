import { Injectable } from '@nestjs/common';
import { type BusinessCalendar, Prisma, PrismaService, type SlaPolicy } from '@svara/database';
import {
  applyEvent,
  businessMinutesBetween,
  type CalendarSpec,
  type Deadline,
  deadlinesOf,
  emptyRecord,
  escalationSteps,
  type PolicySpec,
  type SlaEvent,
  type SlaRecord,
  type SlaSnapshot,
  snapshot,
  type ThreadStatusName,
} from '@svara/sla';
import { calendarOf, policyOf } from './sla-settings';

type Tx = Prisma.TransactionClient;

/** A message the pipeline stored, as far as the SLA clocks care. */
export interface LandedMessage {
  threadId: string;
  direction: string;
  automatic: boolean;
  sentAt: Date;
}

interface ThreadRow {
  id: string;
  status: ThreadStatusName;
  slaClocks: SlaRecord | null;
  effectivePolicyId: string | null;
  channelCreatedAt: Date;
}

interface Settings {
  policy: PolicySpec;
  calendar: CalendarSpec;
}

/** What is written back to one thread. */
interface ThreadUpdate {
  id: string;
  policyId: string | null;
  record: SlaRecord;
  deadlines: Deadline[];
  view: SlaSnapshot;
  firstResponseAt: Date | null;
  slaStartedAt: Date | null;
  firstResponseMins: number | null;
  firstResponseMet: boolean | null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/**
 * Keeps every thread's SLA clocks, due times and state in step with what
 * happens to it: messages landing, replies sent, status changes, and policy or
 * calendar changes. Always inside the caller's transaction when given one, so
 * the due times change together with what caused them.
 */
@Injectable()
export class ThreadSla {
  constructor(private readonly prisma: PrismaService) {}

  /** Messages the pipeline stored (call in the writer's transaction, after the thread counters). */
  async messagesLanded(tx: Tx, messages: LandedMessage[], now = new Date()): Promise<void> {
    const byThread = new Map<string, LandedMessage[]>();
    for (const message of messages) {
      const list = byThread.get(message.threadId) ?? [];
      list.push(message);
      byThread.set(message.threadId, list);
    }
    await this.update(tx, [...byThread.keys()], now, (thread) => {
      // A late copy of an old message on a thread that stays closed changes no clock.
      if (thread.status === 'CLOSED') return [];
      return byThread
        .get(thread.id)!
        .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
        .flatMap((message): SlaEvent[] => {
          if (message.automatic) return [];
          if (message.direction === 'INBOUND')
            return [{ type: 'citizenMessage', at: message.sentAt }];
          if (message.direction === 'OUTBOUND') return [{ type: 'response', at: message.sentAt }];
          return [];
        });
    });
  }

  /** An agent's reply was accepted by the channel. */
  async responseSent(threadId: string, at: Date, now = new Date()): Promise<void> {
    await this.prisma.$transaction((tx) =>
      this.update(tx, [threadId], now, () => [{ type: 'response', at }]),
    );
  }

  /**
   * A thread's status changed: PENDING pauses its clocks, OPEN resumes them
   * (from CLOSED: starts a next-response clock), CLOSED stops them. Call in
   * the transaction that changes the status.
   */
  async statusChanged(
    tx: Tx,
    threadId: string,
    from: ThreadStatusName,
    to: ThreadStatusName,
    at = new Date(),
  ): Promise<void> {
    await this.update(tx, [threadId], at, () => [{ type: 'status', from, to, at }]);
  }

  /** Re-derives due times (policy, calendar or team changed); the clocks themselves stay. */
  async recompute(tx: Tx, threadIds: string[], now = new Date()): Promise<void> {
    await this.update(tx, threadIds, now, () => []);
  }

  private async update(
    tx: Tx,
    threadIds: string[],
    now: Date,
    eventsOf: (thread: ThreadRow) => SlaEvent[],
  ): Promise<void> {
    if (threadIds.length === 0) return;
    // In id order, and NO KEY UPDATE: a plain FOR UPDATE would also wait for
    // batches storing messages in these threads (their foreign keys hold key
    // share locks), and two such batches could deadlock.
    const ids = [...new Set(threadIds)].sort();
    const threads = await tx.$queryRaw<ThreadRow[]>`
      SELECT t.id, t.status::text AS status, t."slaClocks",
        COALESCE(tm."slaPolicyId", c."slaPolicyId") AS "effectivePolicyId",
        c."createdAt" AS "channelCreatedAt"
      FROM threads t
      JOIN channels c ON c.id = t."channelId"
      LEFT JOIN teams tm ON tm.id = t."teamId"
      WHERE t.id = ANY(${ids}::uuid[])
      ORDER BY t.id
      FOR NO KEY UPDATE OF t`;
    const settings = await this.settings(
      tx,
      threads.map((t) => t.effectivePolicyId),
    );
    const updates = threads.map((thread) => this.advance(thread, eventsOf(thread), settings, now));
    await this.write(tx, updates);
  }

  private async settings(tx: Tx, policyIds: (string | null)[]): Promise<Map<string, Settings>> {
    const ids = [...new Set(policyIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows: (SlaPolicy & { calendar: BusinessCalendar })[] = await tx.slaPolicy.findMany({
      where: { id: { in: ids } },
      include: { calendar: true },
    });
    return new Map(
      rows.map((row) => [row.id, { policy: policyOf(row), calendar: calendarOf(row.calendar) }]),
    );
  }

  private advance(
    thread: ThreadRow,
    events: SlaEvent[],
    settings: Map<string, Settings>,
    now: Date,
  ): ThreadUpdate {
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
    if (!found) view.slaState = 'NONE';
    return {
      id: thread.id,
      policyId: thread.effectivePolicyId,
      record,
      deadlines,
      view,
      firstResponseAt,
      slaStartedAt,
      firstResponseMins,
      firstResponseMet,
    };
  }

  private async write(tx: Tx, updates: ThreadUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const column = <T>(pick: (u: ThreadUpdate) => T) => updates.map(pick);
    await tx.$executeRaw`
      UPDATE threads t SET
        "slaPolicyId" = d.policy_id,
        "slaClocks" = d.clocks::jsonb,
        "slaDeadlines" = d.deadlines::jsonb,
        "firstResponseDueAt" = d.first_due,
        "nextResponseDueAt" = d.next_due,
        "resolutionDueAt" = d.resolution_due,
        "nextSlaCheckAt" = d.check_at,
        "nextEscalationAt" = d.escalate_at,
        "slaState" = d.state::"SlaState",
        "escalationLevel" = d.level,
        "firstResponseAt" = COALESCE(t."firstResponseAt", d.first_response_at),
        "slaStartedAt" = COALESCE(t."slaStartedAt", d.started_at),
        "firstResponseMins" = COALESCE(d.first_mins, t."firstResponseMins"),
        "firstResponseMet" = COALESCE(d.first_met, t."firstResponseMet"),
        "updatedAt" = now()
      FROM unnest(
        ${column((u) => u.id)}::uuid[],
        ${column((u) => u.policyId)}::uuid[],
        ${column((u) => JSON.stringify(u.record))}::text[],
        ${column((u) => JSON.stringify(u.deadlines))}::text[],
        ${column((u) => iso(u.view.firstResponseDueAt))}::timestamptz[],
        ${column((u) => iso(u.view.nextResponseDueAt))}::timestamptz[],
        ${column((u) => iso(u.view.resolutionDueAt))}::timestamptz[],
        ${column((u) => iso(u.view.nextSlaCheckAt))}::timestamptz[],
        ${column((u) => iso(u.view.nextEscalationAt))}::timestamptz[],
        ${column((u) => u.view.slaState)}::text[],
        ${column((u) => u.view.escalationLevel)}::int[],
        ${column((u) => iso(u.firstResponseAt))}::timestamptz[],
        ${column((u) => iso(u.slaStartedAt))}::timestamptz[],
        ${column((u) => u.firstResponseMins)}::int[],
        ${column((u) => u.firstResponseMet)}::boolean[]
      ) AS d(id, policy_id, clocks, deadlines, first_due, next_due, resolution_due,
             check_at, escalate_at, state, level, first_response_at, started_at, first_mins, first_met)
      WHERE t.id = d.id`;
  }
}
