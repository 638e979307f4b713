import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChannelHealth, ChannelType } from '@svara/database';
import { CHANNEL_PROBLEMS, type ChannelProblem } from '../channel-problem';

/** A channel as admins see it: settings and health, never a secret's value. */
export class ChannelDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) type!: ChannelType;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) slaPolicyId!: string | null;

  @ApiProperty({
    description: 'Per-type settings (see the channel body in the README)',
    type: 'object',
    additionalProperties: true,
  })
  config!: Record<string, unknown>;

  @ApiProperty() hasSecrets!: boolean;

  @ApiProperty({
    description: 'Names of the secrets that are set (their values are never returned)',
    type: [String],
  })
  secretsSet!: string[];

  @ApiProperty() pollIntervalSeconds!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) backfillSince!: Date;
  @ApiProperty({ enum: ChannelHealth, enumName: 'ChannelHealth' }) health!: ChannelHealth;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPollAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSuccessAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: "The source's own words" })
  lastError!: string | null;

  @ApiProperty({
    enum: CHANNEL_PROBLEMS,
    enumName: 'ChannelProblem',
    nullable: true,
    description: 'What lastError means, as one code',
  })
  lastProblem!: ChannelProblem | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) backoffUntil!: Date | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Facebook and Instagram: when the access token expires, as the admin entered it',
  })
  tokenExpiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class ConnectionTestDto {
  @ApiProperty() ok!: boolean;

  @ApiPropertyOptional({ description: "Why not, in the source's terms; never a secret" })
  reason?: string;

  @ApiPropertyOptional({ enum: CHANNEL_PROBLEMS, enumName: 'ChannelProblem' })
  problem?: ChannelProblem;
}

export class PollQueuedDto {
  @ApiProperty({ enum: [true] }) queued!: true;
}
