import { ForbiddenException, Injectable } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { AppConfig } from '@svara/config';
import { deriveKey } from '@svara/secrets';

/** The session a request's CSRF token must belong to, set once its cookie is verified. */
export type SessionRequest = Request & { sessionId?: string };

export const CSRF_HEADER = 'x-csrf-token';

/**
 * csrf-csrf's double submit: the token is an HMAC over the session id and a
 * random value, sent back in an httpOnly cookie and, by the app, in the
 * X-CSRF-Token header. A token from another session, or a header that does
 * not match the cookie, is refused.
 */
@Injectable()
export class CsrfTokens {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(config: AppConfig) {
    const secret = deriveKey(config.secretsKey, 'csrf').toString('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => (request as SessionRequest).sessionId ?? '',
      // __Host- needs Secure, which plain-http development cannot send.
      cookieName: config.secureCookies ? '__Host-svara_csrf' : 'svara_csrf',
      cookieOptions: {
        sameSite: 'strict',
        path: '/',
        secure: config.secureCookies,
        httpOnly: true,
      },
      getCsrfTokenFromRequest: (request) => request.get(CSRF_HEADER),
    });
  }

  /** The session's token: the one its cookie holds if still valid, else a new one. */
  issue(request: SessionRequest, response: Response, fresh = false): string {
    return this.csrf.generateCsrfToken(request, response, { overwrite: fresh });
  }

  /** Refuses a request that changes something without its session's token. */
  check(request: SessionRequest): void {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (!request.sessionId || !this.csrf.validateRequest(request)) {
      throw new ForbiddenException('CSRF token missing or invalid');
    }
  }
}
