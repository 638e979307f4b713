import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PrismaService } from '@svara/database';
import { type AuthenticatedRequest, IS_PUBLIC } from '@svara/http';
import type { AccessTokenClaims } from './access-token';
import { BrowserSessions, type CookieRequest } from './session/browser-sessions.service';
import { CsrfTokens } from './session/csrf';
import { isSessionClaims } from './session/session-token';

type GuardedRequest = AuthenticatedRequest & CookieRequest;

/**
 * Global guard: every route needs a valid, unrevoked bearer token, or a browser
 * session cookie with its CSRF token, unless marked @Public().
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly prisma: PrismaService,
    private readonly sessions: BrowserSessions,
    private readonly csrf: CsrfTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    // A browser's session cookie stands in for the bearer token (see session/).
    const session = await this.sessions.claimsOf(request);
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (!session && (scheme !== 'Bearer' || !token)) {
      throw new UnauthorizedException('Bearer token required');
    }

    let claims: AccessTokenClaims;
    try {
      claims = session ?? (await this.jwt.verifyAsync<AccessTokenClaims>(token!));
    } catch {
      throw new UnauthorizedException('Token is invalid or expired');
    }
    if (!session && isSessionClaims(claims))
      throw new UnauthorizedException('Bearer token required');
    const user = await this.prisma.user.findUnique({
      where: { id: claims.sub },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        tokenVersion: true,
        memberships: { select: { teamId: true } },
      },
    });
    if (!user || !user.active || user.tokenVersion !== claims.ver) {
      throw new UnauthorizedException('Token has been revoked');
    }
    request.user = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamIds: user.memberships.map((membership) => membership.teamId),
    };
    if (session) this.csrf.check(request);
    return true;
  }
}
