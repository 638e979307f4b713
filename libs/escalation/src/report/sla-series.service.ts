import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { InvalidInput } from '@svara/common';
import { type ChannelType, Prisma, PrismaService } from '@svara/database';
import { visibleSql } from '@svara/inbox';
import { pickTeam, teamsOf, teamThreadsSql } from '../lead/lead-teams';
import { MAX_SERIES_DAYS, type SlaSeriesQuery } from './dto/sla-series.query';
import { bucketStarts, daysBetween, rangeInstants } from './series-buckets';

interface FiguresRow {
  bucket: string;
  key: string | null;
  name: string | null;
  threads: number;
  measured: number;
  answered_in_time: number;
  p50: number | null;
  p90: number | null;
}

/**
 * The SLA report as a time series: per day or ISO week of a time zone's
 * calendar, per channel type and per team, the share of first responses in
 * time and their p50/p90 in business minutes; threads per channel; and the
 * escalation e-mails sent. As in GET /sla-report, a thread counts on the day
 * its first-response clock started (threads_slaStartedAt_idx), and a lead's
 * figures are those of the threads they may see.
 */
@Injectable()
export class SlaSeriesService {
  constructor(private readonly prisma: PrismaService) {}

  async series(query: SlaSeriesQuery, user: AuthenticatedUser, now = new Date()) {
    const { start, end } = rangeInstants(query.from, query.to, query.timeZone);
    if (!start.isValid || !end.isValid) throw new InvalidInput('from and to must be real dates');
    if (end <= start) throw new InvalidInput('to must be later than from');
    if (daysBetween(query.from, query.to) > MAX_SERIES_DAYS)
      throw new InvalidInput(`from and to may be at most ${MAX_SERIES_DAYS} days apart`);

    const teams = await teamsOf(this.prisma, user);
    const scope = [visibleSql(user)];
    if (query.teamId) scope.push(teamThreadsSql(pickTeam(teams, query.teamId)));
    const unit = Prisma.raw(query.bucket === 'week' ? `'week'` : `'day'`);
    const bucket = (column: string) =>
      Prisma.sql`to_char(date_trunc(${unit}, ${Prisma.raw(column)} AT TIME ZONE ${query.timeZone}), 'YYYY-MM-DD')`;
    const started = Prisma.sql`t."slaStartedAt" >= ${start.toJSDate()} AND t."slaStartedAt" < ${end.toJSDate()}
      AND t."slaPolicyId" IS NOT NULL AND ${Prisma.join(scope, ' AND ')}`;
    const figures = (key: Prisma.Sql, name: Prisma.Sql, join: Prisma.Sql) =>
      this.prisma.$queryRaw<FiguresRow[]>`
        SELECT ${bucket('t."slaStartedAt"')} AS bucket, ${key} AS key, ${name} AS name,
          count(*)::int AS threads,
          count(*) FILTER (WHERE t."firstResponseMet" IS NOT NULL
            OR (t."firstResponseAt" IS NULL AND t."firstResponseDueAt" <= ${now}))::int AS measured,
          count(*) FILTER (WHERE t."firstResponseMet")::int AS answered_in_time,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY t."firstResponseMins") AS p50,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY t."firstResponseMins") AS p90
        FROM threads t ${join}
        WHERE ${started}
        GROUP BY 1, 2, 3
        ORDER BY 1, 3 NULLS LAST, 2`;

    const [byType, byTeam, volumes, escalations] = await Promise.all([
      figures(
        Prisma.sql`c.type::text`,
        Prisma.sql`NULL::text`,
        Prisma.sql`JOIN channels c ON c.id = t."channelId"`,
      ),
      figures(
        Prisma.sql`t."teamId"::text`,
        Prisma.sql`tm.name`,
        Prisma.sql`LEFT JOIN teams tm ON tm.id = t."teamId"`,
      ),
      this.prisma.$queryRaw<
        { bucket: string; id: string; name: string; type: ChannelType; threads: number }[]
      >`
        SELECT ${bucket('t."slaStartedAt"')} AS bucket, c.id, c.name, c.type, count(*)::int AS threads
        FROM threads t JOIN channels c ON c.id = t."channelId"
        WHERE ${started}
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 3`,
      this.prisma.$queryRaw<{ bucket: string; sent: number }[]>`
        SELECT ${bucket('e."sentAt"')} AS bucket, count(*)::int AS sent
        FROM escalations e JOIN threads t ON t.id = e."threadId"
        WHERE e.status = 'SENT'::"EscalationStatus"
          AND e."sentAt" >= ${start.toJSDate()} AND e."sentAt" < ${end.toJSDate()}
          AND ${Prisma.join(scope, ' AND ')}
        GROUP BY 1`,
    ]);

    const buckets = bucketStarts(query.from, query.to, query.bucket);
    const sent = new Map(escalations.map((row) => [row.bucket, row.sent]));
    return {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
      timeZone: query.timeZone,
      teamId: query.teamId ?? null,
      teams: teams.map(({ id, name }) => ({ id, name })),
      buckets,
      byChannelType: byType.map((row) => ({
        ...figuresOf(row),
        channelType: row.key as ChannelType,
      })),
      byTeam: byTeam.map((row) => ({ ...figuresOf(row), teamId: row.key, teamName: row.name })),
      volumes: volumes.map((row) => ({
        bucket: row.bucket,
        channelId: row.id,
        channelName: row.name,
        channelType: row.type,
        threads: row.threads,
      })),
      escalations: buckets.map((day) => ({ bucket: day, sent: sent.get(day) ?? 0 })),
    };
  }
}

function figuresOf(row: FiguresRow) {
  return {
    bucket: row.bucket,
    threads: row.threads,
    measured: row.measured,
    answeredInTime: row.answered_in_time,
    shareAnsweredInTime: row.measured > 0 ? row.answered_in_time / row.measured : null,
    p50: row.p50 === null ? null : Number(row.p50),
    p90: row.p90 === null ? null : Number(row.p90),
  };
}
