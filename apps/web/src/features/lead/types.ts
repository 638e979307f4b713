import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type LeadDashboard = Schemas['LeadDashboardDto'];
export type DashboardThread = Schemas['DashboardThreadDto'];
export type AgentLoad = Schemas['AgentLoadDto'];
export type LeadTeam = Schemas['LeadTeamDto'];
export type SlaSeries = Schemas['SlaSeriesDto'];
export type ComplianceFigures = Omit<Schemas['ChannelTypeSeriesRowDto'], 'channelType'>;
export type SeriesBucket = SlaSeries['bucket'];
