import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ThreadStatus } from '@svara/database';
import { IsTagList } from '@svara/http';

export class UpdateThreadDto {
  @ApiProperty({
    description: 'The version the change is based on (from GET); 409 if the thread changed since',
  })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiPropertyOptional({ enum: ThreadStatus })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus;

  @ApiPropertyOptional({ nullable: true, description: 'null unassigns' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the thread’s tags' })
  @IsOptional()
  @IsTagList(20)
  tags?: string[];
}

export class MessageTextDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(20000)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  text!: string;
}
