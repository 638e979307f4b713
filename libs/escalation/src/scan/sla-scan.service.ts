import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@svara/database';
import { JobQueues, type JobOf, jobId } from '@svara/pipeline';
import { type Deadline, escalationSteps, type SlaRecord, snapshot } from '@svara/sla';
import { escalationLevelsOf } from '@svara/thread-sla';

interface DueThread {
  id: string;
  nextEscalationAt: Date;
  slaClocks: SlaRecord | null;
  slaDeadlines: Deadline[];
  escalationLevels: Prisma.JsonValue | null;
  channelCreatedAt: Date;
}

export interface ScanResult {
  threads: number;
  escalations: number;
}

const PAGE = 5000;

/**
 * Finds threads whose next SLA moment has come (an index range query on
 * `nextEscalationAt`), queues one job per escalation level that fell due, and
 * moves each thread's state and next moment on. Job ids are deterministic, so
 * a second scan, a second replica or a crash between the two steps queues
 * nothing twice.
 */
@Injectable()
export class SlaScan {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {}

  async scan(now = new Date()): Promise<ScanResult> {
    const result: ScanResult = { threads: 0, escalations: 0 };
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const rows = await this.prisma.$queryRaw<DueThread[]>`
        SELECT t.id, t."nextEscalationAt", t."slaClocks", t."slaDeadlines",
          p."escalationLevels", c."createdAt" AS "channelCreatedAt"
        FROM threads t
        JOIN channels c ON c.id = t."channelId"
        LEFT JOIN sla_policies p ON p.id = t."slaPolicyId"
        WHERE t."nextEscalationAt" <= ${now}
          ${after ? Prisma.sql`AND (t."nextEscalationAt", t.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
        ORDER BY t."nextEscalationAt", t.id
        LIMIT ${PAGE}`;
      if (rows.length === 0) return result;
      result.threads += rows.length;
      result.escalations += await this.handle(rows, now);
      const last = rows.at(-1)!;
      after = { at: last.nextEscalationAt, id: last.id };
      if (rows.length < PAGE) return result;
    }
  }

  private async handle(rows: DueThread[], now: Date): Promise<number> {
    const jobs: {
      name: 'notify-escalation';
      data: JobOf<'notify-escalation'>;
      opts: { jobId: string };
    }[] = [];
    const updates = rows.map((row) => {
      const levels = row.escalationLevels
        ? escalationLevelsOf({ escalationLevels: row.escalationLevels })
        : [];
      const steps = escalationSteps(row.slaDeadlines, levels, row.channelCreatedAt);
      for (const step of steps) {
        if (step.silent || step.at > now) continue;
        jobs.push({
          name: 'notify-escalation',
          data: {
            threadId: row.id,
            target: step.target,
            level: step.level,
            dueAt: step.dueAt.toISOString(),
            stepAt: step.at.toISOString(),
          },
          opts: { jobId: jobId.notifyEscalation(row.id, step.target, step.level, step.dueAt) },
        });
      }
      const view = snapshot(
        row.slaClocks ?? { answered: false, clocks: {} },
        row.slaDeadlines,
        steps,
        now,
        { pendingSteps: false },
      );
      return { row, view };
    });

    // Queue first, then move the threads on: a crash in between only re-queues ids that exist.
    const queue = this.queues.queue('escalation');
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));

    const iso = (date: Date | null) => date?.toISOString() ?? null;
    await this.prisma.$executeRaw`
      UPDATE threads t SET
        "nextEscalationAt" = d.next_at,
        "slaState" = CASE WHEN t."slaPolicyId" IS NULL THEN 'NONE'::"SlaState" ELSE d.state::"SlaState" END,
        "escalationLevel" = d.level
      FROM unnest(
        ${updates.map((u) => u.row.id)}::uuid[],
        ${updates.map((u) => u.row.nextEscalationAt.toISOString())}::timestamptz[],
        ${updates.map((u) => iso(u.view.nextEscalationAt))}::timestamptz[],
        ${updates.map((u) => u.view.slaState)}::text[],
        ${updates.map((u) => u.view.escalationLevel)}::int[]
      ) AS d(id, seen_at, next_at, state, level)
      WHERE t.id = d.id AND t."nextEscalationAt" = d.seen_at`;
    return jobs.length;
  }
}
