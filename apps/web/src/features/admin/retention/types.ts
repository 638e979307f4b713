import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type RetentionPolicy = Schemas['RetentionPolicyDto'];
export type RetentionRule = Schemas['RetentionRuleDto'];
export type PolicyInput = Schemas['CreateRetentionPolicyDto'];
export type DryRun = Schemas['RetentionDryRunDto'];
export type RetentionRun = Schemas['RetentionRunDto'];
export type RetentionAction = RetentionRule['action'];
export type RetentionChannelType = NonNullable<RetentionRule['channelTypes']>[number];

export const RETENTION_ACTIONS: readonly RetentionAction[] = [
  'DELETE',
  'ANONYMIZE',
  'ARCHIVE_THEN_DELETE',
];
export const CHANNEL_TYPES: readonly RetentionChannelType[] = [
  'EMAIL',
  'WEB_FORM',
  'FACEBOOK_PAGE',
  'INSTAGRAM',
];
