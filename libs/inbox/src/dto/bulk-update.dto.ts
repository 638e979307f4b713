import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { ThreadStatus } from '@svara/database';
import { IsTagList } from '@svara/http';

export const BULK_MAX_THREADS = 500;

export class BulkUpdateThreadsDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: BULK_MAX_THREADS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_THREADS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  threadIds!: string[];

  @ApiPropertyOptional({ enum: ThreadStatus, enumName: 'ThreadStatus' })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null unassigns' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Added to each thread’s tags' })
  @IsOptional()
  @IsTagList(20)
  addTags?: string[];
}

export class BulkFailureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Why this thread was left as it was' }) reason!: string;
}

export class BulkResultDto {
  @ApiProperty({ type: [String], description: 'Threads changed (or already so)' })
  updated!: string[];
  @ApiProperty({ type: [BulkFailureDto] }) failed!: BulkFailureDto[];
}
