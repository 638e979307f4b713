import { ApiProperty } from '@nestjs/swagger';
import { ChannelType } from '@svara/database';
import { LeadTeamDto } from '../../lead/dto/lead-dashboard.response';

// What GET /sla-report/series answers, for the OpenAPI document (the web app's types).

const NULLABLE_NUMBER = { type: Number, nullable: true } as const;
const BUCKET = { example: '2026-11-02', description: 'First day of the day or week' } as const;

export class ComplianceFiguresDto {
  @ApiProperty(BUCKET) bucket!: string;
  @ApiProperty({ description: 'Threads whose first-response clock started then' })
  threads!: number;
  @ApiProperty({ description: 'Of those, answered or already past due' }) measured!: number;
  @ApiProperty() answeredInTime!: number;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'answeredInTime / measured, 0..1' })
  shareAnsweredInTime!: number | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: 'Median business minutes to the first response' })
  p50!: number | null;
  @ApiProperty({ ...NULLABLE_NUMBER, description: '90th percentile, business minutes' })
  p90!: number | null;
}

export class ChannelTypeSeriesRowDto extends ComplianceFiguresDto {
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) channelType!: ChannelType;
}

export class TeamSeriesRowDto extends ComplianceFiguresDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null: threads of no team' })
  teamName!: string | null;
}

export class ChannelVolumeRowDto {
  @ApiProperty(BUCKET) bucket!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() channelName!: string;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) channelType!: ChannelType;
  @ApiProperty() threads!: number;
}

export class EscalationsRowDto {
  @ApiProperty(BUCKET) bucket!: string;
  @ApiProperty({ description: 'Escalation e-mails sent' }) sent!: number;
}

export class SlaSeriesDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ['day', 'week'] }) bucket!: 'day' | 'week';
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ type: [LeadTeamDto], description: 'The teams the caller may filter by, by name' })
  teams!: LeadTeamDto[];
  @ApiProperty({ type: [String], description: 'Every bucket of the range, in order' })
  buckets!: string[];
  @ApiProperty({ type: [ChannelTypeSeriesRowDto], description: 'Buckets with threads only' })
  byChannelType!: ChannelTypeSeriesRowDto[];
  @ApiProperty({ type: [TeamSeriesRowDto], description: 'Buckets with threads only' })
  byTeam!: TeamSeriesRowDto[];
  @ApiProperty({ type: [ChannelVolumeRowDto], description: 'Buckets with threads only' })
  volumes!: ChannelVolumeRowDto[];
  @ApiProperty({ type: [EscalationsRowDto], description: 'Every bucket' })
  escalations!: EscalationsRowDto[];
}
