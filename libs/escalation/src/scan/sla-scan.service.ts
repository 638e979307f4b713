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

/** A thread's SLA fields after the scan, written only if the thread still is as the scan read it. */
interface Move {
  id: string;
  seenAt: Date;
  nextEscalationAt: Date | null;
  slaState: string;
  escalationLevel: number;
}

export interface ScanResult {
  threads: number;
  escalations: number;
}

/** Threads read per query. */
const PAGE = 2500;
/** Escalations handed to the worker per queue-escalations job. */
const PER_JOB = 500;
/** Pages whose threads may be moving on at once (each holds a database connection). */
const MOVES_IN_FLIGHT = 2;

/** Runs work that is awaited later: if it fails before then, the failure waits for that await. */
function inFlight<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Finds threads whose next SLA moment has come (an index range query on
 * `nextEscalationAt`), queues the escalation levels that fell due, and moves
 * each thread's state and next moment on.
 *
 * The tick stays short however much fell due: it hands the escalations to the
 * worker in a few queue-escalations jobs, which queue one notify-escalation
 * job per level; and while one page is queued the next is read and earlier
 * pages move on. A page moves on only once its escalations are in Redis, and
 * every id is deterministic, so a second scan, a second replica or a crash in
 * between queues nothing twice.
 */
@Injectable()
export class SlaScan {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {}

  async scan(now = new Date()): Promise<ScanResult> {
    const result: ScanResult = { threads: 0, escalations: 0 };
    let reading = inFlight(this.duePage(now));
    const moving: Promise<void>[] = [];
    try {
      for (;;) {
        const rows = await reading;
        if (rows.length === 0) break;
        const last = rows.at(-1)!;
        reading =
          rows.length < PAGE
            ? Promise.resolve([])
            : inFlight(this.duePage(now, { at: last.nextEscalationAt, id: last.id }));
        const { escalations, moves } = this.plan(rows, now);
        result.threads += rows.length;
        result.escalations += escalations.length;
        await this.handOver(escalations);
        if (moving.length >= MOVES_IN_FLIGHT) await moving.shift();
        moving.push(inFlight(this.moveOn(moves)));
      }
      await Promise.all(moving);
      return result;
    } catch (error) {
      // Let the work in flight settle before the tick reports its failure.
      await Promise.allSettled([reading, ...moving]);
      throw error;
    }
  }

  /** The next page of due threads in (nextEscalationAt, id) order, after `after`. */
  private duePage(now: Date, after?: { at: Date; id: string }): Promise<DueThread[]> {
    return this.prisma.$queryRaw<DueThread[]>`
      SELECT t.id, t."nextEscalationAt", t."slaClocks", t."slaDeadlines",
        p."escalationLevels", c."createdAt" AS "channelCreatedAt"
      FROM threads t
      JOIN channels c ON c.id = t."channelId"
      LEFT JOIN sla_policies p ON p.id = t."slaPolicyId"
      WHERE t."nextEscalationAt" <= ${now}
        ${after ? Prisma.sql`AND (t."nextEscalationAt", t.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY t."nextEscalationAt", t.id
      LIMIT ${PAGE}`;
  }

  /** The escalation levels a page of due threads calls for, and where each thread moves on to. */
  private plan(rows: DueThread[], now: Date) {
    const escalations: JobOf<'notify-escalation'>[] = [];
    const moves = rows.map((row): Move => {
      const levels = row.escalationLevels
        ? escalationLevelsOf({ escalationLevels: row.escalationLevels })
        : [];
      const steps = escalationSteps(row.slaDeadlines, levels, row.channelCreatedAt);
      for (const step of steps) {
        if (step.silent || step.at > now) continue;
        escalations.push({
          threadId: row.id,
          target: step.target,
          level: step.level,
          dueAt: step.dueAt.toISOString(),
          stepAt: step.at.toISOString(),
        });
      }
      const view = snapshot(
        row.slaClocks ?? { answered: false, clocks: {} },
        row.slaDeadlines,
        steps,
        now,
        { pendingSteps: false },
      );
      return {
        id: row.id,
        seenAt: row.nextEscalationAt,
        nextEscalationAt: view.nextEscalationAt,
        slaState: view.slaState,
        escalationLevel: view.escalationLevel,
      };
    });
    return { escalations, moves };
  }

  /** Hands the escalations to the worker, a few jobs per page, in one round trip. */
  private async handOver(escalations: JobOf<'notify-escalation'>[]): Promise<void> {
    const jobs = [];
    for (let i = 0; i < escalations.length; i += PER_JOB) {
      const part = escalations.slice(i, i + PER_JOB);
      jobs.push({ data: { escalations: part }, jobId: jobId.queueEscalations(part) });
    }
    await this.queues.addBulk('queue-escalations', jobs);
  }

  /** Moves the threads on, except those something else moved since the scan read them. */
  private async moveOn(moves: Move[]): Promise<void> {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    await this.prisma.$executeRaw`
      UPDATE threads t SET
        "nextEscalationAt" = d.next_at,
        "slaState" = CASE WHEN t."slaPolicyId" IS NULL THEN 'NONE'::"SlaState" ELSE d.state::"SlaState" END,
        "escalationLevel" = d.level
      FROM unnest(
        ${moves.map((m) => m.id)}::uuid[],
        ${moves.map((m) => m.seenAt.toISOString())}::timestamptz[],
        ${moves.map((m) => iso(m.nextEscalationAt))}::timestamptz[],
        ${moves.map((m) => m.slaState)}::text[],
        ${moves.map((m) => m.escalationLevel)}::int[]
      ) AS d(id, seen_at, next_at, state, level)
      WHERE t.id = d.id AND t."nextEscalationAt" = d.seen_at`;
  }
}
