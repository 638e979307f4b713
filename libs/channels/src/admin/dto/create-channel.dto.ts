import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ChannelType } from '@svara/database';

export class CreateChannelDto {
  @ApiProperty({ enum: ChannelType })
  @IsEnum(ChannelType)
  type!: ChannelType;

  @ApiProperty({ example: 'Kontakta oss (webb)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  slaPolicyId?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 86400, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(86400)
  pollIntervalSeconds?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'How far back the first poll imports history' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  backfillSince?: Date;

  @ApiPropertyOptional({ description: 'Per-type settings', type: Object })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Per-type credentials; write-only', type: Object })
  @IsOptional()
  @IsObject()
  secrets?: Record<string, unknown>;
}
