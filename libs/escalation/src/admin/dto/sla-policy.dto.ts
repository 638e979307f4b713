import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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
