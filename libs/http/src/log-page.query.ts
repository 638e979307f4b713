import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, MaxLength, Min } from 'class-validator';

/** Paging of append-only logs (audit log, access log): newest first, cursor = last row's id. */
export class LogPageQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50 })
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
