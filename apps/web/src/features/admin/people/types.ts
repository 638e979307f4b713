import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type Contact = Schemas['ContactDto'];
export type ErasureRequest = Schemas['ErasureRequestDto'];
export type ErasureResult = Schemas['ErasureResultDto'];
export type ErasureCounts = Schemas['ErasureCountsDto'];

export interface ContactSearch {
  email?: string;
  name?: string;
  identity?: string;
}

/** The counts in the order the confirmation lists them. */
export const ERASURE_COUNTS: readonly (keyof ErasureCounts)[] = [
  'threads',
  'messages',
  'messagesInOtherThreads',
  'identities',
  'inboundBatches',
  'inboundItems',
];
