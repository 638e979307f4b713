import type { AuthenticatedUser } from '@svara/http';
import { NotFound } from '@svara/common';
import { Prisma, type PrismaService } from '@svara/database';

export interface LeadTeam {
  id: string;
  name: string;
  /** The team's channels: their threads without a team count as the team's, as in the inbox. */
  channelIds: string[];
}

/**
 * The teams whose figures the caller may see, by name: every team for an
 * admin, the teams a lead belongs to otherwise (the inbox's rule).
 */
export async function teamsOf(prisma: PrismaService, user: AuthenticatedUser): Promise<LeadTeam[]> {
  const teams = await prisma.team.findMany({
    where: user.role === 'ADMIN' ? {} : { id: { in: user.teamIds } },
    select: { id: true, name: true, channels: { select: { id: true } } },
    orderBy: { name: 'asc' },
  });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    channelIds: team.channels.map((channel) => channel.id),
  }));
}

/** One of the caller's teams; another team does not exist for them. */
export function pickTeam(teams: LeadTeam[], teamId: string): LeadTeam {
  const team = teams.find((candidate) => candidate.id === teamId);
  if (!team) throw new NotFound('Team');
  return team;
}

/** The team's threads over `threads t`: its own, and those without a team on its channels. */
export function teamThreadsSql(team: LeadTeam): Prisma.Sql {
  return Prisma.sql`(t."teamId" = ${team.id}::uuid
    OR (t."teamId" IS NULL AND t."channelId" = ANY(${team.channelIds}::uuid[])))`;
}
