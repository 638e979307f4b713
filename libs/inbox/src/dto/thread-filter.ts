import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ChannelType, ThreadStatus } from '@svara/database';

export const SLA_FILTERS = ['ok', 'warning', 'breached'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** Which threads: the inbox's filters, shared by every feature that selects threads like it. */
export class ThreadFilter {
  @ApiPropertyOptional({ enum: ThreadStatus })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ enum: ChannelType })
  @IsOptional()
  @IsEnum(ChannelType)
  channelType?: ChannelType;

  @ApiPropertyOptional({
    description: 'A team id, or "mine" for the threads of the caller’s teams',
  })
  @IsOptional()
  @Matches(/^(mine|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'teamId must be a team id or "mine"',
  })
  teamId?: string;

  @ApiPropertyOptional({ description: 'A user id, or "none" for unassigned threads' })
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assigneeId must be a user id or "none"',
  })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: SLA_FILTERS })
  @IsOptional()
  @IsIn(SLA_FILTERS)
  sla?: SlaFilter;

  @ApiPropertyOptional({ description: 'Threads carrying this tag' })
  @IsOptional()
  @Transform(trimLower)
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    description: 'Full-text search over subjects and message text; words match as prefixes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
