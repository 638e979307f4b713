import { InvalidInput } from '@svara/common';
import type { ChannelSettings } from '../channel-adapter';

export interface WebFormConfig {
  /** Exact origins (https://kommun.se) allowed to post; any when empty. */
  allowedOrigins?: string[];
}

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

export function webFormSettings({
  config,
  secrets,
}: {
  config: unknown;
  secrets: unknown;
}): ChannelSettings {
  const given = (config ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given))
    throw new InvalidInput('config must be an object');
  const unknownKey = Object.keys(given).find((key) => key !== 'allowedOrigins');
  if (unknownKey) throw new InvalidInput(`config.${unknownKey} is not a WEB_FORM setting`);
  if (secrets && Object.keys(secrets as object).length > 0) {
    throw new InvalidInput('secrets: a WEB_FORM channel has none');
  }
  const origins = given.allowedOrigins;
  if (origins === undefined) return { config: {}, secrets: {} };
  if (!Array.isArray(origins) || origins.some((o) => typeof o !== 'string' || !ORIGIN.test(o))) {
    throw new InvalidInput(
      'config.allowedOrigins must be a list of origins like https://kommun.se',
    );
  }
  return { config: { allowedOrigins: origins }, secrets: {} };
}
