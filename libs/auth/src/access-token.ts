import type { UserRole } from '@svara/database';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** The user's tokenVersion when issued; raising it revokes the token. */
  ver: number;
}
