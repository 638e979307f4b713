import { JsonWebTokenError, type JwtModuleOptions, JwtSecretRequestType } from '@nestjs/jwt';
import type { AppConfig } from '@svara/config';
import { deriveKey } from '@svara/secrets';

/** True when the token's payload names when it expires (the signature is checked after). */
function hasExpiry(token: unknown): boolean {
  if (typeof token !== 'string') return false;
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof (payload as { exp?: unknown } | null)?.exp === 'number';
  } catch {
    // Not a token at all: verification refuses it.
    return true;
  }
}

/**
 * Every token Svara signs (access tokens and whatever else uses the same
 * JwtService) is signed with a key derived from SECRETS_KEY for this purpose
 * alone, never with SECRETS_KEY itself, and a token without `exp` is refused
 * even when its signature is right: it would never expire.
 */
export function jwtOptions(config: AppConfig): JwtModuleOptions {
  const key = deriveKey(config.secretsKey, 'access-token');
  return {
    secretOrKeyProvider: (requestType, token) =>
      requestType === JwtSecretRequestType.VERIFY && !hasExpiry(token)
        ? Promise.reject(new JsonWebTokenError('jwt has no exp'))
        : key,
    signOptions: { algorithm: 'HS256', issuer: 'svara' },
    verifyOptions: { algorithms: ['HS256'], issuer: 'svara' },
  };
}
