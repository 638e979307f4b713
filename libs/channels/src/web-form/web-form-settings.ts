import { InvalidInput } from '@svara/common';
import type { ChannelSettings } from '../channel-adapter';

export interface WebFormConfig {
  /** Exact origins (https://kommun.se) allowed to post; any when empty. */
  allowedOrigins?: string[];
  /**
   * The EMAIL channel whose mailbox sends this form's replies, so the
   * citizen's answer comes back into the thread; absent: replies go out from MAIL_FROM.
   */
  replyChannelId?: string;
}

const KEYS = ['allowedOrigins', 'replyChannelId'];
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The mailbox a web form's stored config answers through, if it names one. */
export function replyChannelIdOf(config: unknown): string | undefined {
  const value = (config as WebFormConfig | null)?.replyChannelId;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A web form's settings as an admin gives them. Whether `replyChannelId`
 * names an existing e-mail channel needs the database: see ReplyMailboxes.
 */
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
  const unknownKey = Object.keys(given).find((key) => !KEYS.includes(key));
  if (unknownKey) throw new InvalidInput(`config.${unknownKey} is not a WEB_FORM setting`);
  if (secrets && Object.keys(secrets as object).length > 0) {
    throw new InvalidInput('secrets: a WEB_FORM channel has none');
  }
  const settings: WebFormConfig = {};
  const origins = given.allowedOrigins;
  if (origins !== undefined) {
    if (!Array.isArray(origins) || origins.some((o) => typeof o !== 'string' || !ORIGIN.test(o))) {
      throw new InvalidInput(
        'config.allowedOrigins must be a list of origins like https://kommun.se',
      );
    }
    settings.allowedOrigins = origins as string[];
  }
  const mailbox = given.replyChannelId;
  if (mailbox !== undefined && mailbox !== null && mailbox !== '') {
    if (typeof mailbox !== 'string' || !UUID.test(mailbox)) {
      throw new InvalidInput('config.replyChannelId must be the id of an e-mail channel');
    }
    settings.replyChannelId = mailbox.toLowerCase();
  }
  return { config: { ...settings }, secrets: {} };
}
