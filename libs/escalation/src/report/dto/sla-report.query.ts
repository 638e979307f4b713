import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SlaReportQuery {
  @ApiProperty({ example: '2026-11-01', description: 'First day (inclusive), in UTC' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-01', description: 'Last day (exclusive), in UTC' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ enum: ['channel', 'team'], default: 'channel' })
  @IsOptional()
  @IsIn(['channel', 'team'])
  groupBy: 'channel' | 'team' = 'channel';
}
