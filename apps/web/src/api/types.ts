import type { components } from './schema';

/** The API's shapes, named once; every one comes from the generated OpenAPI schema. */
type Schemas = components['schemas'];
export type Me = Schemas['MeDto'];
export type Session = Schemas['SessionDto'];
export type ThreadSummary = Schemas['ThreadSummaryDto'];
export type ThreadList = Schemas['ThreadPageDto'];
export type ThreadDetail = Schemas['ThreadDetailDto'];
export type Message = Schemas['ThreadMessageDto'];
export type StoredAttachment = Schemas['MessageAttachmentDto'];
export type Escalation = Schemas['EscalationDto'];
export type ThreadCounts = Schemas['ThreadCountsDto'];
export type Directory = Schemas['DirectoryDto'];
export type DirectoryUser = Schemas['DirectoryUserDto'];
export type Draft = Schemas['DraftDto'];
export type PresenceViewer = Schemas['PresenceViewerDto'];
export type CannedReply = Schemas['CannedReplyDto'];
export type BulkResult = Schemas['BulkResultDto'];
export type BulkUpdate = Schemas['BulkUpdateThreadsDto'];
export type ThreadUpdate = Schemas['UpdateThreadDto'];

export type ThreadStatus = ThreadSummary['status'];
export type ChannelType = ThreadSummary['channelType'];
export type SlaState = ThreadSummary['slaState'];
export type DraftKind = Draft['kind'];
export type Locale = NonNullable<Me['locale']>;
export type UserRole = Me['role'];
