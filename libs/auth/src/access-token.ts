import type { UserRole } from '@svara/database';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** The user's tokenVersion when issued; raising it revokes the token. */
  ver: number;
}

/** Who is calling, as the guard resolved it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The teams the user belongs to, read on every request so membership changes apply at once. */
  teamIds: string[];
}
