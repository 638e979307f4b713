import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '@svara/config';

/** BullMQ's connection: workers block on Redis, so commands must never give up on their own. */
export function bullConnection(config: AppConfig): ConnectionOptions {
  return { url: config.redisUrl, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/** Where BullMQ keeps its keys, inside Svara's namespace. */
export const bullPrefix = (config: AppConfig) => `${config.redisPrefix}:bull`;
