import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type InboundBatch = Schemas['InboundBatchDto'];
