import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { maskIdentityNumbers } from '@svara/compliance';
import { Prisma, PrismaService, type ChannelType, type SlaState } from '@svara/database';
import { calendarOf } from '@svara/thread-sla';
import { atRiskHorizons } from './at-risk-horizon';
import type { LeadDashboardQuery } from './dto/lead-dashboard.query';
import { type LeadTeam, pickTeam, teamsOf, teamThreadsSql } from './lead-teams';

/** Counts stop here, as the inbox's do: no count walks a million threads. */
const COUNT_CAP = 10_000;
/** Threads each list shows. */
const LIST_LENGTH = 10;

/** The inbox's sort key; the same expression as the threads_*inbox_order_idx indexes. */
const DUE = Prisma.raw(`COALESCE(t."nextSlaCheckAt", 'infinity'::timestamptz)`);

interface ThreadRow {
  id: string;
  subject: string | null;
  contactName: string | null;
  channelType: ChannelType;
  channelName: string;
  slaState: SlaState;
  dueAt: Date | null;
  waitingSince: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

/**
 * A team lead's view of one team now: what is past due and what soon will
 * be, who has waited longest, what nobody has taken, and each member's load.
 * Every query reads the team's open threads through the team's inbox-order
 * index (threads_team_inbox_order_idx) or the assignee index, and counts
 * stop at COUNT_CAP.
 */
@Injectable()
export class LeadDashboardService {
  constructor(private readonly prisma: PrismaService) {}

  async dashboard(query: LeadDashboardQuery, user: AuthenticatedUser, now = new Date()) {
    const teams = await teamsOf(this.prisma, user);
    const teamList = teams.map(({ id, name }) => ({ id, name }));
    const team = query.teamId ? pickTeam(teams, query.teamId) : teams[0];
    if (!team) {
      const empty = { count: 0, capped: false, threads: [] };
      return {
        teams: teamList,
        team: null,
        generatedAt: now,
        breached: empty,
        atRisk: empty,
        oldestWaiting: [],
        unassigned: 0,
        unassignedCapped: false,
        agents: [],
      };
    }
    const open = Prisma.sql`t.status = 'OPEN'::"ThreadStatus" AND ${teamThreadsSql(team)}`;
    // A running SLA clock: a range of the team's inbox-order index, which leaves closed threads out.
    const clocked = Prisma.sql`${open} AND ${DUE} < 'infinity'::timestamptz`;
    const breached = Prisma.sql`${open} AND t."slaState" = 'BREACHED'::"SlaState"`;
    const atRisk = Prisma.sql`${clocked} AND ${await this.atRiskSql(now)}`;
    const unassigned = Prisma.sql`${open} AND t."assigneeId" IS NULL`;
    const [breachedCount, breachedList, atRiskCount, atRiskList, unassignedCount, oldest, agents] =
      await Promise.all([
        this.count(breached),
        this.threads(breached, Prisma.sql`${DUE}, t."lastMessageAt" DESC, t.id DESC`),
        this.count(atRisk),
        this.threads(atRisk, Prisma.sql`${DUE}, t."lastMessageAt" DESC, t.id DESC`),
        this.count(unassigned),
        this.oldestWaiting(clocked),
        this.agentLoads(team),
      ]);
    return {
      teams: teamList,
      team: { id: team.id, name: team.name },
      generatedAt: now,
      breached: { ...breachedCount, threads: breachedList },
      atRisk: { ...atRiskCount, threads: atRiskList },
      oldestWaiting: oldest,
      unassigned: unassignedCount.count,
      unassignedCapped: unassignedCount.capped,
      agents,
    };
  }

  /**
   * Warned, or in time but due before the end of the next working hour of
   * the thread's policy's calendar. The policies are few; their horizons go
   * into the query as a list, and a range on the due time keeps it on the index.
   */
  private async atRiskSql(now: Date): Promise<Prisma.Sql> {
    const policies = await this.prisma.slaPolicy.findMany({
      select: {
        id: true,
        calendar: {
          select: {
            timeZone: true,
            weeklyHours: true,
            holidayCountries: true,
            eveDays: true,
            halfDayClose: true,
            closedDates: true,
            halfDays: true,
            openDates: true,
          },
        },
      },
    });
    const horizons = atRiskHorizons(
      policies.map((policy) => ({ id: policy.id, calendar: calendarOf(policy.calendar) })),
      now,
    );
    const warned = Prisma.sql`t."slaState" = 'WARNING'::"SlaState"`;
    if (horizons.size === 0) return warned;
    const ids = [...horizons.keys()];
    const ends = [...horizons.values()];
    const latest = new Date(Math.max(...ends.map((end) => end.getTime())));
    return Prisma.sql`(${warned} OR (t."slaState" = 'OK'::"SlaState"
      AND ${DUE} <= ${latest}
      AND t."nextSlaCheckAt" <= (SELECT h.horizon
        FROM unnest(${ids}::uuid[], ${ends}::timestamptz[]) AS h(policy_id, horizon)
        WHERE h.policy_id = t."slaPolicyId")))`;
  }

  private async count(where: Prisma.Sql) {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM threads t WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`;
    return { count: Math.min(row!.n, COUNT_CAP), capped: row!.n > COUNT_CAP };
  }

  /**
   * Open threads with a running clock that the citizen wrote last, those
   * whose wait began longest ago: since the last reply or, never answered,
   * since the first message. The exact start (the first unanswered message)
   * is read for the few shown. This one sorts all the team's waiting threads
   * (no index has that order): about 0.7 s for a team with 100,000 open
   * threads on a small machine, milliseconds for an ordinary backlog.
   */
  private async oldestWaiting(clocked: Prisma.Sql) {
    const rows = await this.threads(
      Prisma.sql`${clocked} AND t."lastInboundAt" IS NOT NULL
        AND t."lastInboundAt" > COALESCE(t."lastOutboundAt", '-infinity'::timestamptz)`,
      Prisma.sql`COALESCE(t."lastOutboundAt", t."slaStartedAt", t."createdAt"), t.id`,
    );
    return rows.sort(
      (a, b) => (a.waitingSince?.getTime() ?? Infinity) - (b.waitingSince?.getTime() ?? Infinity),
    );
  }

  private async threads(where: Prisma.Sql, order: Prisma.Sql) {
    const rows = await this.prisma.$queryRaw<ThreadRow[]>`
      SELECT t.id, t.subject, ct."displayName" AS "contactName",
        c.type AS "channelType", c.name AS "channelName",
        t."slaState", t."nextSlaCheckAt" AS "dueAt", t."assigneeId", u.name AS "assigneeName",
        (SELECT min(m."sentAt") FROM messages m
          WHERE m."threadId" = t.id AND m.direction = 'INBOUND' AND NOT m.automatic
            AND m."sentAt" > COALESCE((
              SELECT max(o."sentAt") FROM messages o
              WHERE o."threadId" = t.id AND o.direction = 'OUTBOUND'
                AND o."deliveryStatus" <> 'FAILED'), '-infinity'::timestamptz)) AS "waitingSince"
      FROM (SELECT t.* FROM threads t WHERE ${where} ORDER BY ${order} LIMIT ${LIST_LENGTH}) t
      JOIN channels c ON c.id = t."channelId"
      LEFT JOIN contacts ct ON ct.id = t."contactId"
      LEFT JOIN users u ON u.id = t."assigneeId"
      ORDER BY ${order}`;
    return rows.map((row) => ({ ...row, subject: maskIdentityNumbers(row.subject) }));
  }

  /** Each member's open threads of the team, through the assignee index. */
  private async agentLoads(team: LeadTeam) {
    const members = await this.prisma.teamMember.findMany({
      where: { teamId: team.id, user: { active: true } },
      select: { isLead: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: 'asc' } },
    });
    if (members.length === 0) return [];
    const ids = members.map((member) => member.user.id);
    const loads = await this.prisma.$queryRaw<{ id: string; open: number; breached: number }[]>`
      SELECT t."assigneeId" AS id, count(*)::int AS open,
        count(*) FILTER (WHERE t."slaState" = 'BREACHED'::"SlaState")::int AS breached
      FROM threads t
      WHERE t."assigneeId" = ANY(${ids}::uuid[]) AND t.status = 'OPEN'::"ThreadStatus"
        AND ${teamThreadsSql(team)}
      GROUP BY 1`;
    const byId = new Map(loads.map((load) => [load.id, load]));
    return members.map((member) => ({
      userId: member.user.id,
      name: member.user.name,
      isLead: member.isLead,
      open: byId.get(member.user.id)?.open ?? 0,
      breached: byId.get(member.user.id)?.breached ?? 0,
    }));
  }
}
