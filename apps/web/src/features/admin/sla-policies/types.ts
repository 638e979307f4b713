import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type SlaPolicy = Schemas['SlaPolicyDto'];
export type SlaPolicyInput = Schemas['CreateSlaPolicyDto'];
export type Target = Schemas['TargetDto'];
export type EscalationLevel = Schemas['EscalationLevelDto'];
export type DuePreview = Schemas['DuePreviewResultDto'];
export const TARGET_NAMES = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];
