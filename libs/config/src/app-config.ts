import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { passwordWeakness } from '@svara/common';
import { developmentSecretsKey } from './development-key';
import { Environment, type LogLevel, type NodeEnvironment } from './environment';
import { type AttachmentLimits, type BlobStoreConfig, blobConfigOf } from './blob-config';
import { type OidcConfig, oidcConfigOf } from './oidc-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Svara's validated configuration. Nothing else reads process.env. */
export class AppConfig {
  readonly env!: NodeEnvironment;
  readonly databaseUrl!: string;
  readonly redisUrl!: string;
  readonly redisPrefix!: string;
  readonly port!: number;
  readonly publicUrl!: string;
  /** Where the worker and the scheduler serve /metrics; port 0 lets the OS choose. */
  readonly metrics!: { host: string; ports: { worker: number; scheduler: number } };
  readonly smtpUrl?: string;
  readonly mailFrom!: string;
  readonly meta!: {
    graphUrl: string;
    graphVersion: string;
    appSecret?: string;
    verifyToken?: string;
    /** How old a contact's name from Meta's profile may get before it is read again. */
    profileMaxAgeMs: number;
    /** Graph reads at a time: for one channel's poll, and for a worker across its channels. */
    readConcurrency: { perChannel: number; perWorker: number };
  };
  /** 32-byte master key for secrets at rest and token signing. */
  readonly secretsKey!: Buffer;
  /** True when no SECRETS_KEY was given and a development key is in use. */
  readonly usingDevelopmentSecretsKey!: boolean;
  /** The file the development key is kept in, when one is in use. */
  readonly developmentKeyFile?: { path: string; created: boolean };
  readonly bootstrapAdmin?: { email: string; password: string };
  readonly slaScanIntervalSeconds!: number;
  readonly logLevel!: LogLevel;
  readonly formRateLimitPerMinute!: number;
  readonly loginRateLimitPerMinute!: number;
  readonly trustProxyHops!: number;
  readonly jobLockSeconds!: number;
  readonly retention!: {
    /** Local "HH:MM" of the daily run, in `timeZone`. */
    runAt: string;
    timeZone: string;
    /** Local "HH:MM" of the daily sweep of unreferenced blobs, in `timeZone`. */
    blobSweepAt: string;
    accessLogDays: number;
    rawInboundDays: number;
  };
  /** How long a GDPR erasure's confirmation token is valid. */
  readonly erasureConfirmationSeconds!: number;
  /** Lifetime of a browser session cookie. */
  readonly sessionTtlSeconds!: number;
  /** Absolute path of the built web app (index.html and assets/). */
  readonly webRoot!: string;
  /** Cookies go out with Secure: PUBLIC_URL is https, or NODE_ENV is production. */
  readonly secureCookies!: boolean;
  /** Single sign-on; undefined when not configured. */
  readonly oidc?: OidcConfig;
  /** False when PASSWORD_LOGIN=false: only single sign-on signs people in. */
  readonly passwordLogin!: boolean;
  /** Where attachments' bytes are kept. */
  readonly blobStore!: BlobStoreConfig;
  /** What is stored of a message's attachments. */
  readonly attachmentLimits!: AttachmentLimits;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

/** The name the first admin (ADMIN_EMAIL) is created with. */
export const BOOTSTRAP_ADMIN_NAME = 'Administrator';

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

function decodeKey(raw: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
}

export function loadConfig(source: NodeJS.ProcessEnv): AppConfig {
  const env = plainToInstance(Environment, { ...source }, { exposeDefaultValues: true });
  const problems = flatten(validateSync(env, { whitelist: false }));

  if (!env.SECRETS_KEY && env.NODE_ENV !== 'development') {
    problems.push(
      'SECRETS_KEY is required outside development (32 bytes, e.g. `openssl rand -hex 32`)',
    );
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  } else if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD !== undefined) {
    const weakness = passwordWeakness('ADMIN_PASSWORD', env.ADMIN_PASSWORD, {
      email: env.ADMIN_EMAIL,
      name: BOOTSTRAP_ADMIN_NAME,
    });
    if (weakness) problems.push(weakness);
  }
  const publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  const oidc = oidcConfigOf(env, publicUrl, problems);
  const blobs = blobConfigOf(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  // Development without SECRETS_KEY: the installation's own random key, never a published one.
  let development: ReturnType<typeof developmentSecretsKey> | undefined;
  if (!env.SECRETS_KEY) {
    try {
      development = developmentSecretsKey(env.SECRETS_KEY_FILE);
    } catch (error) {
      throw new ConfigError([`SECRETS_KEY_FILE: ${(error as Error).message}`]);
    }
  }

  return new AppConfig({
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    publicUrl,
    metrics: {
      host: env.METRICS_HOST,
      ports: { worker: env.WORKER_METRICS_PORT, scheduler: env.SCHEDULER_METRICS_PORT },
    },
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    meta: {
      graphUrl: env.META_GRAPH_URL.replace(/\/+$/, ''),
      graphVersion: env.META_GRAPH_VERSION,
      appSecret: env.META_APP_SECRET,
      verifyToken: env.META_VERIFY_TOKEN,
      profileMaxAgeMs: env.META_PROFILE_MAX_AGE_HOURS * 3600_000,
      readConcurrency: {
        perChannel: env.META_READ_CONCURRENCY,
        perWorker: env.META_READ_CONCURRENCY_TOTAL,
      },
    },
    secretsKey: development ? development.key : decodeKey(env.SECRETS_KEY!),
    usingDevelopmentSecretsKey: development !== undefined,
    developmentKeyFile: development && { path: development.file, created: development.created },
    bootstrapAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD }
        : undefined,
    slaScanIntervalSeconds: env.SLA_SCAN_INTERVAL_SECONDS,
    logLevel: env.LOG_LEVEL,
    formRateLimitPerMinute: env.FORM_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    jobLockSeconds: env.JOB_LOCK_SECONDS,
    retention: {
      runAt: env.RETENTION_RUN_AT,
      timeZone: env.RETENTION_TIME_ZONE,
      blobSweepAt: env.BLOB_SWEEP_AT,
      accessLogDays: env.ACCESS_LOG_RETENTION_DAYS,
      rawInboundDays: env.RAW_INBOUND_RETENTION_DAYS,
    },
    erasureConfirmationSeconds: env.ERASURE_CONFIRMATION_SECONDS,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    webRoot: path.resolve(env.WEB_ROOT),
    secureCookies: env.NODE_ENV === 'production' || env.PUBLIC_URL.startsWith('https:'),
    oidc,
    passwordLogin: env.PASSWORD_LOGIN !== 'false',
    ...blobs,
  });
}

/** What a process says at start while it runs on a development key (undefined otherwise). */
export function developmentKeyWarning(config: AppConfig): string | undefined {
  const file = config.developmentKeyFile;
  if (!file) return undefined;
  return (
    `SECRETS_KEY is not set: using the development key ${file.created ? 'just created in' : 'in'} ` +
    `${file.path}. Keep that file private; set SECRETS_KEY outside development.`
  );
}
