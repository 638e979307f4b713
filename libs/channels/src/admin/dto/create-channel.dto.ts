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

  // The defaults are in words: a schema default would make the web's generated type require the field.
  @ApiPropertyOptional({ minimum: 15, maximum: 86400, description: 'Seconds; 60 when not given' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(86400)
  pollIntervalSeconds?: number;

  @ApiPropertyOptional({ description: 'true when not given' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'How far back the first poll imports history' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  backfillSince?: Date;

  @ApiPropertyOptional({
    description: 'Per-type settings',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Per-type credentials; write-only',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  secrets?: Record<string, unknown>;
}
