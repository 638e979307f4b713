import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@svara/config';
import { deriveKey } from '@svara/secrets';
import { jwtOptions } from './jwt-options';

const SECRETS_KEY = '3c'.repeat(32);
const config = loadConfig({ NODE_ENV: 'test', SECRETS_KEY });
const svara = new JwtService(jwtOptions(config));
const claims = { sub: 'user-1', role: 'ADMIN', ver: 0 };

describe('jwtOptions', () => {
  it('accepts the tokens it signs, with an expiry', async () => {
    const token = await svara.signAsync(claims, { expiresIn: 60 });
    await expect(svara.verifyAsync(token)).resolves.toEqual(expect.objectContaining(claims));
  });

  it('refuses a correctly signed token without exp', async () => {
    const forever = new JwtService({
      secret: deriveKey(config.secretsKey, 'access-token'),
      signOptions: { algorithm: 'HS256', issuer: 'svara' },
    });
    const token = await forever.signAsync(claims);
    await expect(svara.verifyAsync(token)).rejects.toThrow('jwt has no exp');
    expect(() => svara.verify(token)).toThrow();
  });

  it('signs with a key of its own, not with SECRETS_KEY itself', async () => {
    const raw = new JwtService({
      secret: Buffer.from(SECRETS_KEY, 'hex'),
      signOptions: { algorithm: 'HS256', issuer: 'svara' },
    });
    const forged = await raw.signAsync(claims, { expiresIn: 60 });
    await expect(svara.verifyAsync(forged)).rejects.toThrow('invalid signature');
    const ours = await svara.signAsync(claims, { expiresIn: 60 });
    await expect(raw.verifyAsync(ours)).rejects.toThrow('invalid signature');
  });
});
