import { ApiPropertyOptional } from '@nestjs/swagger';
import { InvalidInput } from '@svara/common';
import { IsISO8601, IsOptional } from 'class-validator';
import { LogPageQuery } from './log-page.query';

/** A log page limited to a time range: from (inclusive) and to (exclusive). */
export class LogRangeQuery extends LogPageQuery {
  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00+01:00',
    description: 'Entries at or after this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00+01:00',
    description: 'Entries before this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export interface TimeRange {
  gte?: Date;
  lt?: Date;
}

/** The query's range as a Prisma date filter; undefined when neither end is given. */
export function timeRangeOf(query: { from?: string; to?: string }): TimeRange | undefined {
  if (query.from === undefined && query.to === undefined) return undefined;
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && Number.isNaN(from.getTime())) throw new InvalidInput('from must be a real date');
  if (to && Number.isNaN(to.getTime())) throw new InvalidInput('to must be a real date');
  if (from && to && to <= from) throw new InvalidInput('to must be later than from');
  return { gte: from, lt: to };
}
