import type { AccessTokenClaims } from '../access-token';

/** The httpOnly cookie a signed-in browser carries. */
export { SESSION_COOKIE } from '@svara/http';

/**
 * A browser session's token: the claims of an access token (so revoking the
 * user's tokens ends it too) plus its own id, which the CSRF token is bound
 * to. It lives only in the cookie: as a bearer token it is refused.
 */
export interface SessionClaims extends AccessTokenClaims {
  typ: 'session';
  sid: string;
}

export const isSessionClaims = (claims: AccessTokenClaims): claims is SessionClaims =>
  (claims as Partial<SessionClaims>).typ === 'session';
