import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumberString,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ListAuditQuery {
  @ApiPropertyOptional({ enum: ['user', 'team', 'channel', 'thread', 'canned_reply'] })
  @IsOptional()
  @IsIn(['user', 'team', 'channel', 'thread', 'canned_reply'])
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsNumberString({ no_symbols: true }, { message: 'cursor is not one this API returned' })
  @MaxLength(20)
  cursor?: string;
}
