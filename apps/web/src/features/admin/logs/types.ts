import type { components, operations } from '../../../api/schema';

type Schemas = components['schemas'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type AccessEntry = Schemas['AccessEntryDto'];
export type AuditEntityType = NonNullable<
  NonNullable<operations['AuditLogController_list']['parameters']['query']>['entityType']
>;

export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = [
  'user',
  'team',
  'channel',
  'thread',
  'message',
  'contact',
  'canned_reply',
  'retention_policy',
  'retention_run',
  'record_export',
  'inbound_batch',
];
