import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { LogRangeQuery } from '@svara/http';

export class ListAccessLogQuery extends LogRangeQuery {
  @ApiPropertyOptional({ description: 'Only openings of this thread' })
  @IsOptional()
  @IsUUID()
  threadId?: string;

  @ApiPropertyOptional({ description: 'Only openings by this user' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
