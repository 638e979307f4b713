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
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/svara');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.slaScanIntervalSeconds).toBe(30);
    expect(config.usingDevelopmentSecretsKey).toBe(true);
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
      ADMIN_EMAIL: 'Admin@Kommun.se',
      ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(config.bootstrapAdmin).toEqual({
      email: 'admin@kommun.se',
      password: 'correct horse battery',
    });
  });

  it('treats empty optional variables as unset', () => {
    expect(loadConfig({ SMTP_URL: '', META_APP_SECRET: '' }).smtpUrl).toBeUndefined();
  });
});
