import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIP,
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
import { DEFAULT_SECRETS_KEY_FILE } from './development-key';

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

  /** Where the worker and the scheduler serve /metrics (the api serves it on PORT). */
  @IsIP(undefined, { message: 'METRICS_HOST must be an IP address, e.g. 127.0.0.1 or 0.0.0.0' })
  METRICS_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  SCHEDULER_METRICS_PORT = 9465;

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

  /** Graph reads one channel's poll makes at a time (conversations, message and comment pages). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  META_READ_CONCURRENCY = 8;

  /** Graph reads a worker process makes at a time, across all the channels it polls. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  META_READ_CONCURRENCY_TOTAL = 32;

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

  /** A contact's name read from Meta's profile is read again once it is this old. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  META_PROFILE_MAX_AGE_HOURS = 168;

  /** 32 bytes, base64 or hex. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'SECRETS_KEY must be 32 bytes as 64 hex digits or 44 base64 characters',
  })
  SECRETS_KEY?: string;

  /** Development without SECRETS_KEY: where the installation's own random key is kept. */
  @IsString()
  @MinLength(1)
  SECRETS_KEY_FILE = DEFAULT_SECRETS_KEY_FILE;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  /** Checked for strength with ADMIN_EMAIL when the config is loaded (see loadConfig). */
  @IsOptional()
  @IsString()
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

  /**
   * Local time of day ("HH:MM", in RETENTION_TIME_ZONE) when blobs no attachment
   * references are removed; after the retention run, which removes its own.
   */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'BLOB_SWEEP_AT must be HH:MM (24-hour)' })
  BLOB_SWEEP_AT = '03:30';

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

  /** How long a browser session (the svara_session cookie) lasts after signing in. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  SESSION_TTL_SECONDS = 28_800;

  /** Single sign-on: the OpenID Connect provider's issuer (discovery at /.well-known/openid-configuration). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_ISSUER_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** Defaults to PUBLIC_URL + /api/v1/auth/oidc/callback; register it at the provider. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_REDIRECT_URL?: string;

  @Matches(/^openid( [\x21\x23-\x5B\x5D-\x7E]+)*$/, {
    message: 'OIDC_SCOPES must be space-separated scopes starting with openid',
  })
  OIDC_SCOPES = 'openid profile email';

  /** The claim that lists the person's groups; a dotted path reaches into objects (realm_access.roles). */
  @Matches(/^[^.\s]+(\.[^.\s]+)*$/, {
    message: 'OIDC_GROUPS_CLAIM must be a claim name or dotted path',
  })
  OIDC_GROUPS_CLAIM = 'groups';

  /** JSON: {"<group>": {"role": "AGENT", "teams": ["Kundtjänst"]}}; checked in loadConfig. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  OIDC_GROUP_MAP?: string;

  /** What the sign-in button calls the provider: "Logga in med <name>". */
  @IsString()
  @MinLength(1)
  OIDC_PROVIDER_NAME = 'SSO';

  /** false switches e-mail and password sign-in off (single sign-on only). */
  @IsIn(['true', 'false'], { message: 'PASSWORD_LOGIN must be true or false' })
  PASSWORD_LOGIN: 'true' | 'false' = 'true';

  /** The built web app the API serves at `/`; relative paths are taken from the working directory. */
  @IsString()
  @MinLength(1)
  WEB_ROOT = 'dist/web';

  /** Where attachments' bytes are kept: a local directory, or S3-compatible object storage. */
  @IsIn(['local', 's3'], { message: 'BLOB_STORE must be local or s3' })
  BLOB_STORE: 'local' | 's3' = 'local';

  /** BLOB_STORE=local: the directory; relative paths are taken from the working directory. */
  @IsString()
  @MinLength(1)
  BLOB_DIR = 'data/blobs';

  /** BLOB_STORE=s3: the service's URL; empty means AWS itself. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  S3_ENDPOINT?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, . -)',
  })
  S3_BUCKET?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'eu-north-1';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Keys after the bucket name in the path (MinIO, Ceph, most self-hosted services). */
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'true';

  /** The largest attachment stored, in bytes; a larger one is left out with a note. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ATTACHMENT_MAX_FILE_BYTES = 25 * 1024 * 1024;

  /** The most attachment bytes stored for one message; those past it are left out with a note. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ATTACHMENT_MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

  /** Types (as the bytes show them) never stored, comma-separated. */
  @IsString()
  ATTACHMENT_REFUSED_TYPES =
    'application/x-msdownload,application/x-dosexec,application/x-elf,application/x-mach-binary,application/x-sh,application/x-msi,application/vnd.microsoft.portable-executable';

  /**
   * Attachment downloads (Meta's file URLs) never reach private, loopback or
   * reserved addresses, save these: comma-separated addresses or CIDR networks.
   */
  @IsString()
  ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS = '';
}
