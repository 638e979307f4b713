import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TARGETS, type TargetName, WORKING_DAYS_FROM, type WorkingDaysFrom } from '@svara/sla';
import { MAIL_LOCALES } from '../../notify/escalation-mail';

export class TargetDto {
  @ApiPropertyOptional({ description: 'Business minutes', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  minutes?: number;

  @ApiPropertyOptional({
    description: 'By the end of the Nth working day after arrival (1 = next working day)',
    minimum: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  workingDays?: number;

  @ApiPropertyOptional({
    enum: WORKING_DAYS_FROM,
    description:
      'Default arrivalDay. With workingDays: count from the calendar day the message arrived on, whatever the hour ' +
      '("at the latest the day after": Friday evening with 1 is due Monday), or from the next ' +
      'opening (Friday evening counts as Monday, so 1 is due Tuesday)',
  })
  @IsOptional()
  @IsIn(WORKING_DAYS_FROM)
  countFrom?: WorkingDaysFrom;

  @ApiPropertyOptional({ description: 'Warn this many business minutes before the due time' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  warnBeforeMinutes?: number;

  @ApiPropertyOptional({ description: 'Warn once this share of the allowed time has run' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number;
}

export class RecipientsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The leads of these teams' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ description: 'The leads of the thread’s own team' })
  @IsOptional()
  @IsBoolean()
  threadTeamLeads?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsEmail({}, { each: true })
  addresses?: string[];
}

export class EscalationLevelDto {
  @ApiProperty({ minimum: 1, maximum: 9 })
  @IsInt()
  @Min(1)
  @Max(9)
  level!: number;

  @ApiProperty({ enum: ['WARNING', 'BREACH'] })
  @IsIn(['WARNING', 'BREACH'])
  on!: 'WARNING' | 'BREACH';

  @ApiPropertyOptional({ description: 'Minutes after the warning or breach', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  afterMinutes?: number;

  @ApiProperty({ type: RecipientsDto })
  @ValidateNested()
  @Type(() => RecipientsDto)
  recipients!: RecipientsDto;
}

export class CreateSlaPolicyDto {
  @ApiProperty({ example: 'Nästa arbetsdag' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty()
  @IsUUID()
  calendarId!: string;

  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  firstResponse?: TargetDto;

  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  nextResponse?: TargetDto;

  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  resolution?: TargetDto;

  @ApiPropertyOptional({ type: [EscalationLevelDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  @Type(() => EscalationLevelDto)
  escalationLevels?: EscalationLevelDto[];

  @ApiPropertyOptional({ enum: MAIL_LOCALES, default: 'sv' })
  @IsOptional()
  @IsIn(MAIL_LOCALES)
  locale?: 'sv' | 'en';
}

export class UpdateSlaPolicyDto extends PartialType(CreateSlaPolicyDto) {}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) calendarId!: string;
  @ApiProperty({ type: TargetDto, nullable: true }) firstResponse!: TargetDto | null;
  @ApiProperty({ type: TargetDto, nullable: true }) nextResponse!: TargetDto | null;
  @ApiProperty({ type: TargetDto, nullable: true }) resolution!: TargetDto | null;
  @ApiProperty({ type: [EscalationLevelDto] }) escalationLevels!: EscalationLevelDto[];
  @ApiProperty({ enum: MAIL_LOCALES }) locale!: 'sv' | 'en';
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class UpdatedSlaPolicyDto extends SlaPolicyDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Follow it at GET /sla-recomputations/{id}',
  })
  recomputationId!: string | null;
}

export class RecomputationProgressDto {
  @ApiProperty() done!: number;
  @ApiProperty() total!: number;
}

export class RecomputationDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: [
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
      'active',
      'completed',
      'failed',
      'unknown',
    ],
  })
  state!: string;
  @ApiProperty({
    type: RecomputationProgressDto,
    nullable: true,
    description: 'Threads recomputed of those affected; absent until the job starts',
  })
  progress!: RecomputationProgressDto | null;
  @ApiProperty({ type: RecomputationProgressDto, nullable: true })
  result!: RecomputationProgressDto | null;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
}

export class DuePreviewDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  calendarId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A saved policy whose target is previewed; or give the target itself',
  })
  @IsOptional()
  @IsUUID()
  policyId?: string;

  @ApiPropertyOptional({ enum: TARGETS, description: 'Default firstResponse' })
  @IsOptional()
  @IsIn(TARGETS)
  targetName?: TargetName;

  @ApiPropertyOptional({ type: TargetDto, description: 'A target not yet saved' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;

  @ApiProperty({ example: '2027-03-05T15:30:00+01:00', description: 'When the message arrives' })
  @IsISO8601({ strict: true }, { message: 'arrivedAt must be a date and time (ISO 8601)' })
  arrivedAt!: string;
}

export class DuePreviewResultDto {
  @ApiProperty({ type: String, format: 'date-time' }) arrivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) warnAt!: string | null;
  @ApiProperty({ description: "The calendar's time zone, to show the times in" })
  timeZone!: string;
}
