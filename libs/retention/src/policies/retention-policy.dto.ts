import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ChannelType, RetentionAction } from '@svara/database';
import { IsTagList } from '@svara/http';

/** Which closed threads a policy takes, and what it does with them. */
export class RetentionRuleDto {
  @ApiProperty({ enum: RetentionAction })
  @IsEnum(RetentionAction)
  action!: RetentionAction;

  @ApiProperty({ description: 'Days after a thread was closed', minimum: 1, maximum: 36_500 })
  @IsInt()
  @Min(1)
  @Max(36_500)
  afterDays!: number;

  @ApiPropertyOptional({
    enum: ChannelType,
    isArray: true,
    description: 'Threads on these channel types; every type when empty',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(ChannelType, { each: true })
  channelTypes?: ChannelType[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Threads carrying any of these tags; every thread when empty',
  })
  @IsOptional()
  @IsTagList(50)
  tags?: string[];
}

export class CreateRetentionPolicyDto extends RetentionRuleDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ default: true, description: 'Disabled policies are not applied daily' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateRetentionPolicyDto extends PartialType(CreateRetentionPolicyDto) {}
