import type { ItemNormalizer } from '@svara/pipeline';

/**
 * What every channel provides. Each channel lives in its own folder and is
 * listed once in registry.ts; polling and sending join this interface as the
 * channels that need them arrive.
 */
export type ChannelAdapter = ItemNormalizer;
