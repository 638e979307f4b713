import { Injectable } from '@nestjs/common';
import { assignmentsFrom, jsonRow, Prisma, PrismaService, recordsetColumns } from '@svara/database';
import type { SlaEvent, ThreadStatusName } from '@svara/sla';
import { type PolicyWithCalendar, type SlaSettings, settingsOf } from './sla-settings';
import { advanceSla, SLA_COLUMN_TYPES, type SlaThread } from './thread-sla-fields';

type Tx = Prisma.TransactionClient;

interface ThreadRow extends SlaThread {
  id: string;
}

const SLA_ASSIGNMENTS = Prisma.raw(assignmentsFrom('d', SLA_COLUMN_TYPES));
const SLA_RECORDSET = Prisma.raw(`id uuid, ${recordsetColumns(SLA_COLUMN_TYPES)}`);

/**
 * Keeps threads' SLA clocks, due times and state in step with replies sent,
 * status changes, and policy or calendar changes. Always inside the caller's
 * transaction when given one, so the due times change together with what
 * caused them. (Ingest moves the clocks of the threads it writes itself, with
 * the same arithmetic: see thread-sla-fields.ts.)
 */
@Injectable()
export class ThreadSla {
  constructor(private readonly prisma: PrismaService) {}

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
        c."createdAt" AS "channelCreatedAt", t."firstResponseAt", t."slaStartedAt",
        t."firstResponseMins", t."firstResponseMet"
      FROM threads t
      JOIN channels c ON c.id = t."channelId"
      LEFT JOIN teams tm ON tm.id = t."teamId"
      WHERE t.id = ANY(${ids}::uuid[])
      ORDER BY t.id
      FOR NO KEY UPDATE OF t`;
    if (threads.length === 0) return;
    const settings = await this.settings(
      tx,
      threads.map((thread) => thread.effectivePolicyId),
    );
    const rows = threads.map((thread) =>
      jsonRow({ id: thread.id }, advanceSla(thread, eventsOf(thread), settings, now)),
    );
    await tx.$executeRaw`
      UPDATE threads t SET ${SLA_ASSIGNMENTS}, "updatedAt" = now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS d(${SLA_RECORDSET})
      WHERE t.id = d.id`;
  }

  private async settings(tx: Tx, policyIds: (string | null)[]): Promise<SlaSettings> {
    const ids = [...new Set(policyIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows: PolicyWithCalendar[] = await tx.slaPolicy.findMany({
      where: { id: { in: ids } },
      include: { calendar: true },
    });
    return settingsOf(rows);
  }
}
