import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The process environment as Svara reads it; every variable is validated at boot. */
export class Environment {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/svara';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespace of every Redis key Svara writes, so installations (or test runs) can share a Redis. */
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, {
    message: 'REDIS_PREFIX may hold letters, digits, _ . - (1-50)',
  })
  REDIS_PREFIX = 'svara';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @IsEmail()
  MAIL_FROM = 'svara@localhost.localdomain';

  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  META_GRAPH_URL = 'https://graph.facebook.com';

  @Matches(/^v\d+\.\d+$/, { message: 'META_GRAPH_VERSION must look like v23.0' })
  META_GRAPH_VERSION = 'v23.0';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  META_APP_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  META_VERIFY_TOKEN?: string;

  /** 32 bytes, base64 or hex. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'SECRETS_KEY must be 32 bytes as 64 hex digits or 44 base64 characters',
  })
  SECRETS_KEY?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  SLA_SCAN_INTERVAL_SECONDS = 30;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Accepted web-form submissions per client IP and minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  FORM_RATE_LIMIT_PER_MINUTE = 20;

  /** Login attempts accepted per client IP and minute (accounts also lock after 5 wrong passwords). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 30;

  /** How long a worker holds a job before another worker may take over a crashed one's job. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(600)
  JOB_LOCK_SECONDS = 30;

  /** Reverse proxies in front of the API whose X-Forwarded-For is trusted (Express "trust proxy"). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  TRUST_PROXY_HOPS = 0;

  /** Local time of day ("HH:MM", in RETENTION_TIME_ZONE) when retention policies are applied. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'RETENTION_RUN_AT must be HH:MM (24-hour)' })
  RETENTION_RUN_AT = '02:30';

  @IsTimeZone({ message: 'RETENTION_TIME_ZONE must be an IANA time zone, e.g. Europe/Stockholm' })
  RETENTION_TIME_ZONE = 'Europe/Stockholm';

  /** Days the access log (who opened which thread) is kept. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACCESS_LOG_RETENTION_DAYS = 365;

  /** Days raw inbound items are kept after they were normalized (they hold personal data too). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RAW_INBOUND_RETENTION_DAYS = 30;

  /** How long an admin has to confirm a GDPR erasure with the token they were given. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  ERASURE_CONFIRMATION_SECONDS = 600;
}
