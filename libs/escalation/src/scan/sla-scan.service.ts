import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@svara/database';
import { JobQueues, type JobOf, jobId, type ThreadMove } from '@svara/pipeline';
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

/** What the scan found for one thread: the levels that fell due and where it moves on to. */
interface Found {
  escalations: JobOf<'notify-escalation'>[];
  move: ThreadMove;
}

export interface ScanResult {
  threads: number;
  escalations: number;
}

/** Threads read per query. */
const PAGE = 2500;
/** Threads handed to the worker per queue-escalations job. */
const PER_JOB = 500;

/** Runs work that is awaited later: if it fails before then, the failure waits for that await. */
function inFlight<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Finds threads whose next SLA moment has come (an index range query on
 * `nextEscalationAt`) and hands them to the worker in queue-escalations jobs:
 * the escalation levels that fell due, and where each thread moves on to. The
 * worker queues one notify-escalation job per level, then moves the threads
 * on; the scan itself writes nothing, so a tick stays short however much fell
 * due, and it reads the next page while one is handed over.
 *
 * Until the worker has moved a thread on, a later scan finds it again and
 * hands it over again; every job id is deterministic and a level already
 * mailed is never mailed again, so a second scan, a second replica or a crash
 * in between costs work, not e-mail.
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
    try {
      for (;;) {
        const rows = await reading;
        if (rows.length === 0) break;
        const last = rows.at(-1)!;
        reading =
          rows.length < PAGE
            ? Promise.resolve([])
            : inFlight(this.duePage(now, { at: last.nextEscalationAt, id: last.id }));
        const found = rows.map((row) => this.plan(row, now));
        result.threads += rows.length;
        for (const thread of found) result.escalations += thread.escalations.length;
        await this.handOver(found);
      }
      return result;
    } catch (error) {
      // Let the read in flight settle before the tick reports its failure.
      await Promise.allSettled([reading]);
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

  /** The escalation levels a due thread calls for, and where it moves on to. */
  private plan(row: DueThread, now: Date): Found {
    const levels = row.escalationLevels
      ? escalationLevelsOf({ escalationLevels: row.escalationLevels })
      : [];
    const steps = escalationSteps(row.slaDeadlines, levels, row.channelCreatedAt);
    const escalations: JobOf<'notify-escalation'>[] = [];
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
      escalations,
      move: {
        threadId: row.id,
        seenAt: row.nextEscalationAt.toISOString(),
        nextEscalationAt: view.nextEscalationAt?.toISOString() ?? null,
        slaState: view.slaState,
        escalationLevel: view.escalationLevel,
      },
    };
  }

  /** Hands a page to the worker, a few jobs per page, in one round trip. */
  private async handOver(found: Found[]): Promise<void> {
    const jobs = [];
    for (let i = 0; i < found.length; i += PER_JOB) {
      const part = found.slice(i, i + PER_JOB);
      const data: JobOf<'queue-escalations'> = {
        escalations: part.flatMap((thread) => thread.escalations),
        moves: part.map((thread) => thread.move),
      };
      jobs.push({ data, jobId: jobId.queueEscalations(data) });
    }
    await this.queues.addBulk('queue-escalations', jobs);
  }
}
