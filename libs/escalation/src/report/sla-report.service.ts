import { Injectable } from '@nestjs/common';
import { InvalidInput } from '@svara/common';
import type { AuthenticatedUser } from '@svara/http';
import { Prisma, PrismaService } from '@svara/database';
import { visibleSql } from '@svara/inbox';
import type { SlaReportQuery } from './dto/sla-report.query';

interface ReportRow {
  id: string | null;
  name: string | null;
  threads: bigint;
  measured: bigint;
  answered_in_time: bigint;
  median: number | null;
  p90: number | null;
}

/**
 * First-response compliance of threads whose first citizen message came in
 * the date range, per channel or team: the share answered in time (of those
 * answered or already past due) and the median and 90th percentile of the
 * business minutes to the first response. Counted are the threads the caller
 * may see in the inbox: a lead's figures are those of their teams' threads.
 */
@Injectable()
export class SlaReportService {
  constructor(private readonly prisma: PrismaService) {}

  async report(query: SlaReportQuery, user: AuthenticatedUser, now = new Date()) {
    const from = new Date(`${query.from}T00:00:00Z`);
    const to = new Date(`${query.to}T00:00:00Z`);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
      throw new InvalidInput('from and to must be real dates');
    if (to <= from) throw new InvalidInput('to must be later than from');
    const group =
      query.groupBy === 'team'
        ? Prisma.sql`t."teamId" AS id, tm.name AS name`
        : Prisma.sql`t."channelId" AS id, c.name AS name`;
    const join =
      query.groupBy === 'team'
        ? Prisma.sql`LEFT JOIN teams tm ON tm.id = t."teamId"`
        : Prisma.sql`JOIN channels c ON c.id = t."channelId"`;
    const rows = await this.prisma.$queryRaw<ReportRow[]>`
      SELECT ${group},
        count(*) AS threads,
        count(*) FILTER (WHERE t."firstResponseMet" IS NOT NULL
          OR (t."firstResponseAt" IS NULL AND t."firstResponseDueAt" <= ${now})) AS measured,
        count(*) FILTER (WHERE t."firstResponseMet") AS answered_in_time,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY t."firstResponseMins") AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY t."firstResponseMins") AS p90
      FROM threads t
      ${join}
      WHERE t."slaStartedAt" >= ${from} AND t."slaStartedAt" < ${to}
        AND t."slaPolicyId" IS NOT NULL
        AND ${visibleSql(user)}
      GROUP BY 1, 2
      ORDER BY 2 NULLS LAST`;
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      rows: rows.map((row) => ({
        [query.groupBy === 'team' ? 'teamId' : 'channelId']: row.id,
        name: row.name,
        threads: Number(row.threads),
        measured: Number(row.measured),
        answeredInTime: Number(row.answered_in_time),
        shareAnsweredInTime:
          Number(row.measured) > 0 ? Number(row.answered_in_time) / Number(row.measured) : null,
        firstResponseMinutes: {
          median: row.median === null ? null : Number(row.median),
          p90: row.p90 === null ? null : Number(row.p90),
        },
      })),
    };
  }
}
