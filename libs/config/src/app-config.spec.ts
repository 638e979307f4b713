import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const KEY = 'a'.repeat(64);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the contract defaults for a developer machine', () => {
    const config = loadConfig({ SECRETS_KEY: KEY });
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/svara');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.slaScanIntervalSeconds).toBe(30);
    expect(config.usingDevelopmentSecretsKey).toBe(false);
    expect(config.secretsKey).toHaveLength(32);
  });

  it('names the variable that is wrong', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://x', SECRETS_KEY: KEY });
    expect(problems.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL'))).toBe(true);
  });

  it('refuses to run outside development without SECRETS_KEY', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('SECRETS_KEY is required'),
    ]);
  });

  it('rejects a key of the wrong size', () => {
    expect(problemsOf({ SECRETS_KEY: 'abc' })).toEqual([expect.stringContaining('SECRETS_KEY')]);
  });

  it('decodes hex and base64 keys to the same 32 bytes', () => {
    const hex = loadConfig({ SECRETS_KEY: KEY }).secretsKey;
    const base64 = loadConfig({
      SECRETS_KEY: Buffer.from(KEY, 'hex').toString('base64'),
    }).secretsKey;
    expect(hex.equals(base64)).toBe(true);
    expect(hex).toHaveLength(32);
  });

  it('needs the bootstrap admin e-mail and password together', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@kommun.se' })).toEqual([
      expect.stringContaining('ADMIN_EMAIL and ADMIN_PASSWORD'),
    ]);
    const config = loadConfig({
      SECRETS_KEY: KEY,
      ADMIN_EMAIL: 'Admin@Kommun.se',
      ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(config.bootstrapAdmin).toEqual({
      email: 'admin@kommun.se',
      password: 'correct horse battery',
    });
  });

  it('refuses a blank or guessable ADMIN_PASSWORD, naming it', () => {
    const admin = { SECRETS_KEY: KEY, ADMIN_EMAIL: 'admin@kommun.se' };
    expect(problemsOf({ ...admin, ADMIN_PASSWORD: ' '.repeat(12) })).toEqual([
      'ADMIN_PASSWORD must not be blank',
    ]);
    for (const guessable of ['administrator', 'admin@kommun.se1', 'password1234']) {
      expect(problemsOf({ ...admin, ADMIN_PASSWORD: guessable })).toEqual([
        expect.stringMatching(/^ADMIN_PASSWORD is too easy to guess/),
      ]);
    }
  });

  it('treats empty optional variables as unset', () => {
    expect(
      loadConfig({ SECRETS_KEY: KEY, SMTP_URL: '', META_APP_SECRET: '' }).smtpUrl,
    ).toBeUndefined();
  });

  it('keeps browser sessions eight hours unless SESSION_TTL_SECONDS says otherwise', () => {
    expect(loadConfig({}).sessionTtlSeconds).toBe(28_800);
    expect(loadConfig({ SESSION_TTL_SECONDS: '600' }).sessionTtlSeconds).toBe(600);
    expect(problemsOf({ SESSION_TTL_SECONDS: '0' })).toEqual([
      expect.stringContaining('SESSION_TTL_SECONDS'),
    ]);
    const problems = problemsOf({ SESSION_TTL_SECONDS: 'a day' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith('SESSION_TTL_SECONDS'))).toBe(true);
  });

  it('bounds Graph reads per channel and per worker, by default 8 and 32', () => {
    expect(loadConfig({ SECRETS_KEY: KEY }).meta.readConcurrency).toEqual({
      perChannel: 8,
      perWorker: 32,
    });
    expect(
      loadConfig({ SECRETS_KEY: KEY, META_READ_CONCURRENCY: '2', META_READ_CONCURRENCY_TOTAL: '5' })
        .meta.readConcurrency,
    ).toEqual({ perChannel: 2, perWorker: 5 });
    const problems = problemsOf({
      SECRETS_KEY: KEY,
      META_READ_CONCURRENCY: '0',
      META_READ_CONCURRENCY_TOTAL: 'many',
    });
    expect(problems.some((p) => p.startsWith('META_READ_CONCURRENCY '))).toBe(true);
    expect(problems.some((p) => p.startsWith('META_READ_CONCURRENCY_TOTAL'))).toBe(true);
  });

  it('lets attachment downloads reach no private network unless ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS names it', () => {
    expect(loadConfig({ SECRETS_KEY: KEY }).attachmentLimits.privateNetworksAllowed).toEqual([]);
    expect(
      loadConfig({
        SECRETS_KEY: KEY,
        ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS: '10.20.0.0/16, 127.0.0.1,fd00::/8',
      }).attachmentLimits.privateNetworksAllowed,
    ).toEqual(['10.20.0.0/16', '127.0.0.1', 'fd00::/8']);
    const problems = problemsOf({
      SECRETS_KEY: KEY,
      ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS: '10.0.0.0/33,intranet.kommun.se,127.0.0.1',
    });
    expect(problems).toEqual([
      'ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS must list IP addresses or CIDR networks, not 10.0.0.0/33, intranet.kommun.se',
    ]);
  });

  it('marks cookies Secure for an https PUBLIC_URL or in production', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://svara.kommun.se' }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_KEY: KEY }).secureCookies).toBe(true);
  });

  it('serves the web app from dist/web in the working directory unless WEB_ROOT says otherwise', () => {
    expect(loadConfig({}).webRoot).toBe(path.resolve('dist/web'));
    expect(loadConfig({ WEB_ROOT: '/srv/svara-web' }).webRoot).toBe('/srv/svara-web');
  });
});
