import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { InboundBatchStatus } from '@svara/database';

const STATUSES = ['PENDING', 'DONE', 'FAILED'] as const satisfies readonly InboundBatchStatus[];

export class InboundBatchesQuery {
  @ApiPropertyOptional({ enum: STATUSES, default: 'FAILED' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status: InboundBatchStatus = 'FAILED';

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 25;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor is not one this API returned' })
  cursor?: string;
}
