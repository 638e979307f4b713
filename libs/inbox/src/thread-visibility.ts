import { Prisma } from '@svara/database';
import type { AuthenticatedUser } from '@svara/http';

// Who may see a thread. Admins see all. Leads and agents see their teams'
// threads, threads with no team on a channel of one of their teams, and
// threads assigned to them. Everything else does not exist for them (404).

export interface ThreadAudience {
  teamId: string | null;
  assigneeId: string | null;
  channelTeamId: string | null;
}

export function canSee(user: AuthenticatedUser, thread: ThreadAudience): boolean {
  if (user.role === 'ADMIN' || thread.assigneeId === user.id) return true;
  const team = thread.teamId ?? thread.channelTeamId;
  return team !== null && user.teamIds.includes(team);
}

export function visibleWhere(user: AuthenticatedUser): Prisma.ThreadWhereInput {
  if (user.role === 'ADMIN') return {};
  return {
    OR: [
      { teamId: { in: user.teamIds } },
      { assigneeId: user.id },
      { teamId: null, channel: { teamId: { in: user.teamIds } } },
    ],
  };
}

/**
 * The same rule as SQL over `threads t`. The teams' channels are an array
 * (evaluated once), so the inbox's ordered index scans stay the cheapest plan.
 */
export function visibleSql(user: AuthenticatedUser): Prisma.Sql {
  if (user.role === 'ADMIN') return Prisma.sql`TRUE`;
  const teams = user.teamIds;
  return Prisma.sql`(t."teamId" = ANY(${teams}::uuid[])
    OR t."assigneeId" = ${user.id}::uuid
    OR (t."teamId" IS NULL AND t."channelId" = ANY(ARRAY(
      SELECT c.id FROM channels c WHERE c."teamId" = ANY(${teams}::uuid[])))))`;
}
