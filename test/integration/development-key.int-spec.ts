import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { ConfigError, loadConfig } from '@svara/config';
import { deriveKey } from '@svara/secrets';
import {
  createUser,
  eventually,
  exited,
  freePort,
  login,
  spawnApp,
  startApi,
  testEnv,
} from '@svara/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, 'dist/libs/config/src/index.js');
const CLI = path.join(ROOT, 'dist/libs/database/src/migrations/cli.js');

// `npm start` without SECRETS_KEY: NODE_ENV is development and no key is given.
describe('the development key', () => {
  let dir: string;
  let file: string;
  const development = () => ({ NODE_ENV: 'development', SECRETS_KEY: '', SECRETS_KEY_FILE: file });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'svara-key-'));
    file = path.join(dir, '.svara', 'secrets.key');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once by three processes starting at once, readable by its owner only', async () => {
    const startAt = Date.now() + 700;
    const script = `setTimeout(() => {
      const config = require(${JSON.stringify(CONFIG)}).loadConfigOrExit();
      process.stdout.write(config.secretsKey.toString('hex'));
    }, ${startAt} - Date.now());`;
    const env = { ...process.env, ...development() };
    const results = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, ['-e', script], { env })),
    );
    const keys = results.map((result) => result.stdout);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(keys).size).toBe(1);
    expect(readdirSync(path.dirname(file))).toEqual(['secrets.key']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const { stderr } of results) {
      expect(stderr).toContain('warning: SECRETS_KEY is not set');
      expect(stderr).toContain(file);
    }
    expect(results.filter(({ stderr }) => stderr.includes('just created')).length).toBe(1);

    const again = loadConfig(development());
    expect(again.secretsKey.toString('hex')).toBe(keys[0]);
    expect(again.developmentKeyFile).toEqual({ path: file, created: false });
  });

  it('is read by the migration command and the api alike, each warning where it is', async () => {
    const first = loadConfig(development());
    const migration = await run(process.execPath, [CLI, 'check'], {
      env: { ...process.env, ...testEnv(development()) },
    });
    expect(migration.stderr).toContain(`using the development key in ${file}`);

    const api = spawnApp(
      'api',
      { ...development(), PORT: String(await freePort()) },
      { captureOutput: true },
    );
    let stderr = '';
    api.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await eventually(async () => (stderr.includes(file) ? true : undefined), {
        what: 'the warning',
      });
      expect(stderr).toContain(`using the development key in ${file}`);
    } finally {
      api.kill('SIGTERM');
      await exited(api);
    }
    expect(loadConfig(development()).secretsKey.equals(first.secretsKey)).toBe(true);
  });

  it('is refused when others may read its file', () => {
    loadConfig(development());
    chmodSync(file, 0o644);
    expect(() => loadConfig(development())).toThrow(ConfigError);
    expect(() => loadConfig(development())).toThrow(/chmod 600/);
  });

  it('is not the published one: a token forged with the old built-in key is refused', async () => {
    const api = await startApi(development());
    try {
      const user = await createUser(api.prisma, { role: 'ADMIN' });
      const published = createHash('sha256').update('svara-development-only').digest();
      const forged = await new JwtService({
        secret: deriveKey(published, 'access-token'),
        signOptions: { algorithm: 'HS256', issuer: 'svara', expiresIn: 60 },
      }).signAsync({ sub: user.id, role: 'ADMIN', ver: user.tokenVersion });
      await request(api.server)
        .get('/api/v1/auth/me')
        .set('authorization', `Bearer ${forged}`)
        .expect(401);
      const real = await login(api, user.email);
      await request(api.server).get('/api/v1/auth/me').set('authorization', real).expect(200);
    } finally {
      await api.close();
    }
  });
});
