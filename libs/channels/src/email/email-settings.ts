import type { JSONSchemaType } from 'ajv';
import { InvalidInput, jsonDecoder } from '@svara/common';
import type { ChannelSettings } from '../channel-adapter';

/** An EMAIL channel's settings: the shared mailbox, read over IMAP, answered over SMTP. */
export interface EmailConfig {
  /** The mailbox's own address (kommun@kommun.se): replies go out From it. */
  address: string;
  imapHost: string;
  imapPort: number;
  /** TLS from the first byte (993); otherwise STARTTLS. */
  imapSecure: boolean;
  /** With imapSecure false: refuse a server that does not offer STARTTLS (default true). */
  imapRequireTls: boolean;
  mailbox: string;
  smtpHost: string;
  smtpPort: number;
  /** TLS from the first byte (465); otherwise STARTTLS. */
  smtpSecure: boolean;
  /** With smtpSecure false: refuse a server that does not offer STARTTLS (default true). */
  smtpRequireTls: boolean;
}

export interface EmailSecrets {
  imapUser: string;
  imapPassword: string;
  /** Without these, mail is sent without SMTP authentication (an internal relay). */
  smtpUser?: string;
  smtpPassword?: string;
}

const CONFIG_KEYS = [
  'address',
  'imapHost',
  'imapPort',
  'imapSecure',
  'imapRequireTls',
  'mailbox',
  'smtpHost',
  'smtpPort',
  'smtpSecure',
  'smtpRequireTls',
] as const;
const SECRET_KEYS = ['imapUser', 'imapPassword', 'smtpUser', 'smtpPassword'] as const;

const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$|^[^\s@<>()",;]+@localhost$/i;
const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$|^\[?[0-9a-f:.]+\]?$/i;

function objectOf(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new InvalidInput(`${name} must be an object`);
  return value as Record<string, unknown>;
}

function refuseUnknown(given: Record<string, unknown>, known: readonly string[], name: string) {
  const unknownKey = Object.keys(given).find((key) => !known.includes(key));
  if (unknownKey) throw new InvalidInput(`${name}.${unknownKey} is not an EMAIL setting`);
}

function text(given: Record<string, unknown>, key: string, name: string, pattern?: RegExp) {
  const value = given[key];
  if (typeof value !== 'string' || value.trim() === '' || value.length > 320)
    throw new InvalidInput(`${name}.${key} is required`);
  if (pattern && !pattern.test(value.trim())) throw new InvalidInput(`${name}.${key} is not valid`);
  return value.trim();
}

function port(given: Record<string, unknown>, key: string) {
  const value = given[key];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 65535)
    throw new InvalidInput(`config.${key} must be a port number (1-65535)`);
  return value as number;
}

function flag(given: Record<string, unknown>, key: string, fallback?: boolean) {
  const value = given[key] ?? fallback;
  if (typeof value !== 'boolean') throw new InvalidInput(`config.${key} must be true or false`);
  return value;
}

function optionalSecret(given: Record<string, unknown>, key: string) {
  const value = given[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new InvalidInput(`secrets.${key} must be a non-empty string`);
  return value;
}

export function emailSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
  const config = objectOf(settings.config, 'config');
  const secrets = objectOf(settings.secrets, 'secrets');
  refuseUnknown(config, CONFIG_KEYS, 'config');
  refuseUnknown(secrets, SECRET_KEYS, 'secrets');

  const email: EmailConfig = {
    address: text(config, 'address', 'config', ADDRESS).toLowerCase(),
    imapHost: text(config, 'imapHost', 'config', HOST),
    imapPort: port(config, 'imapPort'),
    imapSecure: flag(config, 'imapSecure'),
    imapRequireTls: flag(config, 'imapRequireTls', true),
    mailbox: config.mailbox === undefined ? 'INBOX' : text(config, 'mailbox', 'config'),
    smtpHost: text(config, 'smtpHost', 'config', HOST),
    smtpPort: port(config, 'smtpPort'),
    smtpSecure: flag(config, 'smtpSecure'),
    smtpRequireTls: flag(config, 'smtpRequireTls', true),
  };
  const credentials: EmailSecrets = {
    imapUser: text(secrets, 'imapUser', 'secrets'),
    imapPassword: optionalSecret(secrets, 'imapPassword') ?? '',
  };
  if (!credentials.imapPassword) throw new InvalidInput('secrets.imapPassword is required');
  const smtpUser = optionalSecret(secrets, 'smtpUser');
  const smtpPassword = optionalSecret(secrets, 'smtpPassword');
  if (Boolean(smtpUser) !== Boolean(smtpPassword))
    throw new InvalidInput('secrets.smtpPassword and secrets.smtpUser go together');
  if (smtpUser && smtpPassword) Object.assign(credentials, { smtpUser, smtpPassword });

  return {
    config: email as unknown as Record<string, unknown>,
    secrets: credentials as unknown as Record<string, string>,
  };
}

/** Stored settings from before a default existed have no value for it. */
type StoredEmailConfig = Omit<EmailConfig, 'mailbox' | 'imapRequireTls' | 'smtpRequireTls'> &
  Partial<Pick<EmailConfig, 'mailbox' | 'imapRequireTls' | 'smtpRequireTls'>>;

const storedConfig: JSONSchemaType<StoredEmailConfig> = {
  type: 'object',
  properties: {
    address: { type: 'string' },
    imapHost: { type: 'string' },
    imapPort: { type: 'integer' },
    imapSecure: { type: 'boolean' },
    imapRequireTls: { type: 'boolean', nullable: true },
    mailbox: { type: 'string', nullable: true },
    smtpHost: { type: 'string' },
    smtpPort: { type: 'integer' },
    smtpSecure: { type: 'boolean' },
    smtpRequireTls: { type: 'boolean', nullable: true },
  },
  required: ['address', 'imapHost', 'imapPort', 'imapSecure', 'smtpHost', 'smtpPort', 'smtpSecure'],
};

const storedSecrets: JSONSchemaType<EmailSecrets> = {
  type: 'object',
  properties: {
    imapUser: { type: 'string' },
    imapPassword: { type: 'string' },
    smtpUser: { type: 'string', nullable: true },
    smtpPassword: { type: 'string', nullable: true },
  },
  required: ['imapUser', 'imapPassword'],
};

const decodeConfig = jsonDecoder("an e-mail channel's settings", storedConfig);
const decodeSecrets = jsonDecoder("an e-mail channel's credentials", storedSecrets);

/** The stored settings of a channel, as its adapter reads them back (checked, never guessed). */
export function storedEmailSettings(context: {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}): { config: EmailConfig; secrets: EmailSecrets } {
  const config = decodeConfig(context.config);
  return {
    config: {
      ...config,
      mailbox: config.mailbox ?? 'INBOX',
      imapRequireTls: config.imapRequireTls ?? true,
      smtpRequireTls: config.smtpRequireTls ?? true,
    },
    secrets: decodeSecrets(context.secrets),
  };
}
