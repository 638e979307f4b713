import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LISTED_STATES, type ListedState } from './queue.dto';

export class QueueJobsQuery {
  @ApiPropertyOptional({ enum: LISTED_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(LISTED_STATES, { message: `state must be one of ${LISTED_STATES.join(', ')}` })
  state: ListedState = 'failed';

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 25;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    default: 0,
    description: 'nextOffset of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}
