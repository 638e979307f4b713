import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '@svara/config';
import { API_PREFIX } from '@svara/http';
import { deriveKey } from '@svara/secrets';

/** What the callback must see again: the checks of one sign-in through the provider. */
export interface SignInFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The app path to land on afterwards. */
  returnTo: string;
}

export const FLOW_COOKIE = 'svara_oidc';
const FLOW_SECONDS = 10 * 60;

/**
 * Keeps a sign-in's state, nonce and PKCE verifier in the browser between the
 * redirect to the provider and its callback: an httpOnly cookie, HMAC-signed
 * with a key of its own, sent only to the callback's path and only for ten
 * minutes. SameSite=Lax, not Strict: the callback is a navigation coming from
 * the provider's site, and a Strict cookie would not come along.
 */
@Injectable()
export class FlowCookie {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = deriveKey(config.secretsKey, 'oidc-sign-in');
  }

  set(response: Response, flow: SignInFlow): void {
    const payload = Buffer.from(
      JSON.stringify({ ...flow, exp: Date.now() + FLOW_SECONDS * 1000 }),
    ).toString('base64url');
    response.cookie(FLOW_COOKIE, `${payload}.${this.sign(payload)}`, {
      ...this.options(),
      maxAge: FLOW_SECONDS * 1000,
    });
  }

  /** The flow the cookie carries; undefined when absent, forged or expired. */
  read(cookies: Record<string, unknown> | undefined): SignInFlow | undefined {
    const value = cookies?.[FLOW_COOKIE];
    if (typeof value !== 'string') return undefined;
    const [payload, signature] = value.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignInFlow & {
        exp: number;
      };
      return flow.exp > Date.now() ? flow : undefined;
    } catch {
      return undefined;
    }
  }

  clear(response: Response): void {
    response.clearCookie(FLOW_COOKIE, this.options());
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private options(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      path: `/${API_PREFIX}/auth/oidc`,
      secure: this.config.secureCookies,
    };
  }
}
