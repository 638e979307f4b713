import { InvalidInput } from '@svara/common';
import type { ChannelSettings } from '../channel-adapter';
import { ChannelAuthFailed } from '../channel-errors';

/** Graph node ids (Pages, Instagram accounts) are decimal numbers, kept as strings. */
const GRAPH_ID = /^\d{1,32}$/;
const TOKEN = /^\S{16,1024}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** When the token stops working, as Meta's token debugger shows it: for the admin's reminder. */
const TOKEN_EXPIRY = 'tokenExpiresAt';

export interface MetaSettingsSpec {
  type: string;
  ids: { required: string[]; optional: string[] };
  token: string;
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInput(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** Validates a Facebook Page or Instagram channel's config (Graph ids) and secrets (its token). */
export function metaSettings(
  spec: MetaSettingsSpec,
  settings: { config: unknown; secrets: unknown },
): ChannelSettings {
  const config = objectOf(settings.config, 'config');
  const secrets = objectOf(settings.secrets, 'secrets');
  const known = [...spec.ids.required, ...spec.ids.optional];
  const strayConfig = Object.keys(config).find(
    (key) => !known.includes(key) && key !== TOKEN_EXPIRY,
  );
  if (strayConfig) throw new InvalidInput(`config.${strayConfig} is not a ${spec.type} setting`);
  const straySecret = Object.keys(secrets).find((key) => key !== spec.token);
  if (straySecret) throw new InvalidInput(`secrets.${straySecret} is not a ${spec.type} secret`);

  const validConfig: Record<string, string> = {};
  for (const key of known) {
    const value = config[key];
    if (value === undefined && spec.ids.optional.includes(key)) continue;
    if (typeof value !== 'string' || !GRAPH_ID.test(value)) {
      throw new InvalidInput(`config.${key} must be the numeric Graph id, as a string`);
    }
    validConfig[key] = value;
  }
  const expiry = config[TOKEN_EXPIRY];
  if (expiry !== undefined && expiry !== null && expiry !== '') {
    if (typeof expiry !== 'string' || !DATE.test(expiry) || Number.isNaN(Date.parse(expiry))) {
      throw new InvalidInput(`config.${TOKEN_EXPIRY} must be a date (YYYY-MM-DD)`);
    }
    validConfig[TOKEN_EXPIRY] = expiry;
  }
  const token = secrets[spec.token];
  if (typeof token !== 'string' || !TOKEN.test(token)) {
    throw new InvalidInput(`secrets.${spec.token} must be the access token Meta issued`);
  }
  return { config: validConfig, secrets: { [spec.token]: token } };
}

/** A stored channel's Graph id or token; without it the channel waits for an admin. */
export function requireSetting(
  values: Record<string, unknown>,
  key: string,
  where: 'config' | 'secrets',
): string {
  const value = values[key];
  if (typeof value !== 'string' || value === '') {
    throw new ChannelAuthFailed(`This channel has no ${where}.${key}; an admin must set it`);
  }
  return value;
}
