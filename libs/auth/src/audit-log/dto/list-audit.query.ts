import { ApiPropertyOptional } from '@nestjs/swagger';
import { LogPageQuery } from '@svara/http';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const ENTITY_TYPES = ['user', 'team', 'channel', 'thread', 'canned_reply', 'record_export'];

export class ListAuditQuery extends LogPageQuery {
  @ApiPropertyOptional({ enum: ENTITY_TYPES })
  @IsOptional()
  @IsIn(ENTITY_TYPES)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}
