import { ApiProperty } from '@nestjs/swagger';
import { ChannelType, SlaState } from '@svara/database';

// What GET /lead-dashboard answers, for the OpenAPI document (the web app's types).

const NULLABLE_DATE = { type: String, format: 'date-time', nullable: true } as const;

export class LeadTeamDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DashboardThreadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Identity numbers masked' })
  subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) channelType!: ChannelType;
  @ApiProperty() channelName!: string;
  @ApiProperty({ enum: SlaState, enumName: 'SlaState' }) slaState!: SlaState;
  @ApiProperty({ ...NULLABLE_DATE, description: 'The earliest running SLA deadline' })
  dueAt!: Date | null;
  @ApiProperty({
    ...NULLABLE_DATE,
    description: "When the citizen's oldest unanswered message arrived",
  })
  waitingSince!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName!: string | null;
}

export class DashboardListDto {
  @ApiProperty({ description: 'How many open threads are in the list (at most 10000)' })
  count!: number;
  @ApiProperty({ description: 'True when there are more than 10000' }) capped!: boolean;
  @ApiProperty({ type: [DashboardThreadDto], description: 'The first of them, soonest due first' })
  threads!: DashboardThreadDto[];
}

export class AgentLoadDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The team's lead" }) isLead!: boolean;
  @ApiProperty({ description: 'Open threads of the team assigned to them' }) open!: number;
  @ApiProperty({ description: 'Of those, past their SLA deadline' }) breached!: number;
}

export class LeadDashboardDto {
  @ApiProperty({ type: [LeadTeamDto], description: 'The teams the caller may look at, by name' })
  teams!: LeadTeamDto[];
  @ApiProperty({ type: LeadTeamDto, nullable: true, description: 'The team shown' })
  team!: LeadTeamDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: Date;
  @ApiProperty({ type: DashboardListDto, description: 'Open and past an SLA deadline' })
  breached!: DashboardListDto;
  @ApiProperty({
    type: DashboardListDto,
    description: 'Open, warned, or due within the next working hour of their calendar',
  })
  atRisk!: DashboardListDto;
  @ApiProperty({
    type: [DashboardThreadDto],
    description: 'Open threads whose citizen has waited longest for an answer',
  })
  oldestWaiting!: DashboardThreadDto[];
  @ApiProperty({ description: 'Open threads assigned to nobody (at most 10000)' })
  unassigned!: number;
  @ApiProperty() unassignedCapped!: boolean;
  @ApiProperty({ type: [AgentLoadDto], description: "The team's members by name" })
  agents!: AgentLoadDto[];
}
