import { randomUUID } from 'node:crypto';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '@svara/config';
import { RedisClient } from '@svara/database';
import type { AccessTokenClaims } from '../access-token';
import { AuthService } from '../auth.service';
import { CsrfTokens, type SessionRequest } from './csrf';
import { isSessionClaims, SESSION_COOKIE, type SessionClaims } from './session-token';

/** Session claims as verified, with the JWT's expiry (seconds). */
type VerifiedSession = SessionClaims & { exp?: number };

export type CookieRequest = SessionRequest & { cookies?: Record<string, unknown> };

/** A started or resumed browser session, as the app boots with it. */
export interface SessionGrant {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Browser sessions: the same credentials check and signing key as bearer
 * tokens (AuthService.login, the JwtService), kept in an httpOnly
 * SameSite=Strict cookie instead of in the app's script, with a CSRF token
 * for every request that changes something.
 */
@Injectable()
export class BrowserSessions {
  private readonly logger = new Logger(BrowserSessions.name);

  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    private readonly csrf: CsrfTokens,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Signs in (wrong credentials: AuthService's 401) and sets the session cookie. */
  async start(
    request: CookieRequest,
    response: Response,
    email: string,
    password: string,
  ): Promise<SessionGrant> {
    const { accessToken } = await this.auth.login(email, password);
    const access = await this.jwt.verifyAsync<AccessTokenClaims>(accessToken);
    return this.open(request, response, access);
  }

  /**
   * Sets the session cookie for a user another sign-in has already checked
   * (single sign-on): same cookie, lifetime and CSRF token as a password sign-in.
   */
  startFor(
    request: CookieRequest,
    response: Response,
    user: { id: string; role: AccessTokenClaims['role']; tokenVersion: number },
  ): Promise<SessionGrant> {
    return this.open(request, response, { sub: user.id, role: user.role, ver: user.tokenVersion });
  }

  private async open(
    request: CookieRequest,
    response: Response,
    access: AccessTokenClaims,
  ): Promise<SessionGrant> {
    const claims: SessionClaims = {
      sub: access.sub,
      role: access.role,
      ver: access.ver,
      typ: 'session',
      sid: randomUUID(),
    };
    const ttl = this.config.sessionTtlSeconds;
    const token = await this.jwt.signAsync(claims, { expiresIn: ttl });
    const expiresAt = new Date(Date.now() + ttl * 1000);
    response.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), expires: expiresAt });
    request.sessionId = claims.sid;
    return { userId: claims.sub, csrfToken: this.csrf.issue(request, response, true), expiresAt };
  }

  /**
   * The verified session of a request that carries no bearer token;
   * undefined when it carries none. An expired, ended or forged one is a 401.
   */
  async claimsOf(request: CookieRequest): Promise<VerifiedSession | undefined> {
    if (request.headers.authorization) return undefined;
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') return undefined;
    const claims = await this.verify(token);
    if (!claims) throw new UnauthorizedException('Session has expired or ended; sign in again');
    request.sessionId = claims.sid;
    return claims;
  }

  /** The signed-in browser's session again (the app's boot call), with its CSRF token. */
  async resume(request: CookieRequest, response: Response): Promise<Omit<SessionGrant, 'userId'>> {
    const claims = await this.claimsOf(request);
    if (!claims?.exp) throw new UnauthorizedException('No browser session');
    return {
      csrfToken: this.csrf.issue(request, response),
      expiresAt: new Date(claims.exp * 1000),
    };
  }

  /** Ends this browser's session: the cookie is cleared and its token refused from now on. */
  async end(request: CookieRequest, response: Response): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    const claims = typeof token === 'string' ? await this.verify(token) : undefined;
    if (claims?.exp) {
      const left = claims.exp * 1000 - Date.now();
      if (left > 0) await this.redis.set(this.endedKey(claims.sid), '1', 'PX', left);
    }
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private async verify(token: string): Promise<VerifiedSession | undefined> {
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      return undefined;
    }
    if (!isSessionClaims(claims) || (await this.ended(claims.sid))) return undefined;
    return claims;
  }

  private async ended(sid: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.endedKey(sid))) === 1;
    } catch (error) {
      // Ended sessions are a second line (the cookie is cleared too): a Redis
      // outage does not sign every browser out.
      this.logger.warn({ err: (error as Error).message }, 'ended sessions not checked');
      return false;
    }
  }

  private endedKey(sid: string): string {
    return this.redis.key('session-ended', sid);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: '/', secure: this.config.secureCookies };
  }
}
