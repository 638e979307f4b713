import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { Prisma, PrismaService } from '@svara/database';
import { visibleSql } from './thread-visibility';

/** Counts stop here: past it the inbox says "10000+", and no count walks a million threads. */
export const COUNT_CAP = 10_000;

const VIEWS = ['mine', 'unassigned', 'myTeams', 'breached'] as const;
type View = (typeof VIEWS)[number];

/**
 * How many open threads (the inbox lists OPEN by default: PENDING ones wait
 * on the citizen) the caller may see in each of the inbox's views. Each count reads at most COUNT_CAP + 1 rows (a LIMIT subquery) from
 * an index that matches the view: threads_assigneeId_idx, the status, team
 * and SLA inbox-order indexes.
 */
@Injectable()
export class ThreadCounts {
  constructor(private readonly prisma: PrismaService) {}

  async counts(user: AuthenticatedUser) {
    const visible = visibleSql(user);
    const views: Record<View, Prisma.Sql> = {
      mine: Prisma.sql`t."assigneeId" = ${user.id}::uuid`,
      unassigned: Prisma.sql`t."assigneeId" IS NULL`,
      myTeams: Prisma.sql`t."teamId" = ANY(${user.teamIds}::uuid[])`,
      breached: Prisma.sql`t."slaState" = 'BREACHED'::"SlaState"`,
    };
    const counted = await Promise.all(
      VIEWS.map(async (view) => {
        const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM (
            SELECT 1 FROM threads t
            WHERE t.status = 'OPEN' AND ${views[view]} AND ${visible}
            LIMIT ${COUNT_CAP + 1}) capped`;
        return [view, row!.n] as const;
      }),
    );
    const counts = Object.fromEntries(
      counted.map(([view, n]) => [view, Math.min(n, COUNT_CAP)]),
    ) as Record<View, number>;
    const capped = Object.fromEntries(counted.map(([view, n]) => [view, n > COUNT_CAP])) as Record<
      View,
      boolean
    >;
    return { ...counts, capped };
  }
}
