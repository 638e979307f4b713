import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { PrismaService } from '@svara/database';
import { IS_PUBLIC } from '@svara/http';
import type { AccessTokenClaims, AuthenticatedUser } from './access-token';

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

/** Global guard: every route needs a valid, unrevoked bearer token unless marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly prisma: PrismaService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('Bearer token required');

    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException('Token is invalid or expired');
    }
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
    return true;
  }
}
