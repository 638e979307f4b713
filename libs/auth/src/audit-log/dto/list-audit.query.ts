import { ApiPropertyOptional } from '@nestjs/swagger';
import { LogPageQuery } from '@svara/http';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListAuditQuery extends LogPageQuery {
  @ApiPropertyOptional({ enum: ['user', 'team', 'channel', 'thread', 'canned_reply'] })
  @IsOptional()
  @IsIn(['user', 'team', 'channel', 'thread', 'canned_reply'])
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}
