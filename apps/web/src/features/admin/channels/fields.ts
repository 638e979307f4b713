import type { ChannelType } from './types';

/** One setting on a channel's form: where it goes in the body and how it is entered. */
export type FieldSpec =
  | { key: string; kind: 'text'; optional?: boolean; inputType?: 'text' | 'email' }
  | { key: string; kind: 'port' }
  | { key: string; kind: 'switch'; fallback: boolean }
  | { key: string; kind: 'date' }
  | { key: string; kind: 'lines' }
  /** One of the e-mail channels, by id; empty for none. */
  | { key: string; kind: 'mailbox' }
  /** Write-only: sent when entered, never shown; the form says "set" once stored. */
  | { key: string; kind: 'secret'; optional?: boolean; masked?: boolean };

export interface FieldGroup {
  /** Key under `channels.groups`. */
  legend: string;
  fields: FieldSpec[];
}

/** Each type's settings, grouped as the form shows them (keys as the API names them). */
export const FIELD_GROUPS: Record<ChannelType, FieldGroup[]> = {
  EMAIL: [
    { legend: 'mailbox', fields: [{ key: 'address', kind: 'text', inputType: 'email' }] },
    {
      legend: 'imap',
      fields: [
        { key: 'imapHost', kind: 'text' },
        { key: 'imapPort', kind: 'port' },
        { key: 'mailbox', kind: 'text', optional: true },
        { key: 'imapUser', kind: 'secret', masked: false },
        { key: 'imapPassword', kind: 'secret' },
        { key: 'imapSecure', kind: 'switch', fallback: true },
        { key: 'imapRequireTls', kind: 'switch', fallback: true },
      ],
    },
    {
      legend: 'smtp',
      fields: [
        { key: 'smtpHost', kind: 'text' },
        { key: 'smtpPort', kind: 'port' },
        { key: 'smtpUser', kind: 'secret', optional: true, masked: false },
        { key: 'smtpPassword', kind: 'secret', optional: true },
        { key: 'smtpSecure', kind: 'switch', fallback: false },
        { key: 'smtpRequireTls', kind: 'switch', fallback: true },
      ],
    },
  ],
  FACEBOOK_PAGE: [
    {
      legend: 'meta',
      fields: [
        { key: 'pageId', kind: 'text' },
        { key: 'pageAccessToken', kind: 'secret' },
        { key: 'tokenExpiresAt', kind: 'date' },
      ],
    },
  ],
  INSTAGRAM: [
    {
      legend: 'meta',
      fields: [
        { key: 'igUserId', kind: 'text' },
        { key: 'pageId', kind: 'text', optional: true },
        { key: 'accessToken', kind: 'secret' },
        { key: 'tokenExpiresAt', kind: 'date' },
      ],
    },
  ],
  WEB_FORM: [
    { legend: 'webForm', fields: [{ key: 'allowedOrigins', kind: 'lines' }] },
    { legend: 'webFormReplies', fields: [{ key: 'replyChannelId', kind: 'mailbox' }] },
  ],
};

/** What a form holds: every field as typed (text, or on/off for switches). */
export type FormValues = Record<string, string | boolean>;

const specsOf = (type: ChannelType) => FIELD_GROUPS[type].flatMap((group) => group.fields);

/** A stored channel's config as form values (or a new channel's defaults). */
export function valuesOf(type: ChannelType, config: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const spec of specsOf(type)) {
    const value = config[spec.key];
    if (spec.kind === 'secret') continue;
    if (spec.kind === 'switch')
      values[spec.key] = typeof value === 'boolean' ? value : spec.fallback;
    else if (spec.kind === 'lines') values[spec.key] = Array.isArray(value) ? value.join('\n') : '';
    else if (spec.kind === 'port') values[spec.key] = value === undefined ? '' : String(value);
    else values[spec.key] = typeof value === 'string' ? value : '';
  }
  if (type === 'EMAIL') {
    values.imapPort ||= '993';
    values.smtpPort ||= '587';
  }
  return values;
}

/** The config the API takes, from the form's values; empty optional fields are left out. */
export function configOf(type: ChannelType, values: FormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const spec of specsOf(type)) {
    const value = values[spec.key];
    if (spec.kind === 'secret') continue;
    if (spec.kind === 'switch') {
      config[spec.key] = Boolean(value);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (spec.kind === 'lines') {
      const lines = text.split(/\s*\n\s*/).filter(Boolean);
      if (lines.length) config[spec.key] = lines;
    } else if (spec.kind === 'port') {
      // A port that is not a number goes as typed, so the API's check names the field.
      config[spec.key] = /^\d+$/.test(text) ? Number(text) : text;
    } else if (text !== '' || (spec.kind === 'text' && !spec.optional)) {
      config[spec.key] = text;
    }
  }
  return config;
}

export const secretKeysOf = (type: ChannelType) =>
  specsOf(type).flatMap((spec) => (spec.kind === 'secret' ? [spec.key] : []));

/**
 * The field an API error names ("config.imapPort must be …", "name should not
 * be empty"), so the form shows it there; null when it names none of them.
 */
export function fieldOfError(message: string, known: readonly string[]): string | null {
  const named = /^(?:config|secrets)\.(\w+)/.exec(message)?.[1] ?? /^(\w+)\s/.exec(message)?.[1];
  return named && known.includes(named) ? named : null;
}
