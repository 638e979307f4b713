import { ApiProperty } from '@nestjs/swagger';
import { ChannelType, RetentionAction, RetentionRunStatus } from '@svara/database';

export class RetentionPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction' }) action!: RetentionAction;
  @ApiProperty() afterDays!: number;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType', isArray: true })
  channelTypes!: ChannelType[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class DryRunChannelDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) type!: ChannelType;
  @ApiProperty() name!: string;
}

export class DryRunThreadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() messageCount!: number;
  @ApiProperty({ type: DryRunChannelDto }) channel!: DryRunChannelDto;
}

export class RetentionDryRunDto {
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction' }) action!: RetentionAction;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Threads closed before this instant are taken',
  })
  closedBefore!: Date;
  @ApiProperty({ description: 'How many threads the rule would take now' }) total!: number;
  @ApiProperty({ type: [DryRunThreadDto], description: 'The first of them, oldest first' })
  threads!: DryRunThreadDto[];
}

export class RunProgressDto {
  @ApiProperty() done!: number;
  @ApiProperty({ description: 'Threads due when the run started; 0 until counted' }) total!: number;
}

export class RetentionRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) policyId!: string | null;
  @ApiProperty() policyName!: string;
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction' }) action!: RetentionAction;
  @ApiProperty({ type: String, format: 'date-time' }) closedBefore!: Date;
  @ApiProperty({ enum: RetentionRunStatus, enumName: 'RetentionRunStatus' })
  status!: RetentionRunStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) startedById!: string | null;
  @ApiProperty({ type: RunProgressDto }) progress!: RunProgressDto;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: Date | null;
}
