import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { Environment, type LogLevel, type NodeEnvironment } from './environment';

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
  readonly smtpUrl?: string;
  readonly mailFrom!: string;
  readonly meta!: {
    graphUrl: string;
    graphVersion: string;
    appSecret?: string;
    verifyToken?: string;
  };
  /** 32-byte master key for secrets at rest and token signing. */
  readonly secretsKey!: Buffer;
  /** True when no SECRETS_KEY was given and a development key is in use. */
  readonly usingDevelopmentSecretsKey!: boolean;
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
    accessLogDays: number;
    rawInboundDays: number;
  };
  /** How long a GDPR erasure's confirmation token is valid. */
  readonly erasureConfirmationSeconds!: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

// Development only: a stable key derived from a public string, so that a
// developer's encrypted channel secrets survive restarts. Never used outside
// NODE_ENV=development.
const DEVELOPMENT_SECRETS_KEY = createHash('sha256').update('svara-development-only').digest();

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
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return new AppConfig({
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    meta: {
      graphUrl: env.META_GRAPH_URL.replace(/\/+$/, ''),
      graphVersion: env.META_GRAPH_VERSION,
      appSecret: env.META_APP_SECRET,
      verifyToken: env.META_VERIFY_TOKEN,
    },
    secretsKey: env.SECRETS_KEY ? decodeKey(env.SECRETS_KEY) : DEVELOPMENT_SECRETS_KEY,
    usingDevelopmentSecretsKey: !env.SECRETS_KEY,
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
      accessLogDays: env.ACCESS_LOG_RETENTION_DAYS,
      rawInboundDays: env.RAW_INBOUND_RETENTION_DAYS,
    },
    erasureConfirmationSeconds: env.ERASURE_CONFIRMATION_SECONDS,
  });
}
