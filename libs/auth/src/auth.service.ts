import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditTrail } from '@svara/audit';
import { InvalidInput } from '@svara/common';
import { PrismaService, type User } from '@svara/database';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims } from './access-token';
import { PasswordHasher } from './password-hasher';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;

// Verified against when the e-mail is unknown, so both cases take as long.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$oQIZosUqOLfACf7wCh3g7Q$YoXX7iyL+VlefwGdAYUOAk7jk8wnC63r6wxlAbeMxSY';

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditTrail,
  ) {}

  async login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    const locked = user?.lockedUntil && user.lockedUntil > new Date();
    if (!user || !user.active || locked || !valid) {
      if (user && !locked && !valid) await this.recordFailure(user.id, user.failedLoginCount);
      throw new UnauthorizedException(
        locked ? 'Too many failed logins; try again later' : 'Wrong e-mail or password',
      );
    }
    if (user.failedLoginCount > 0) {
      await this.prisma.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lockedUntil: null },
      });
    }
    return this.issue(user);
  }

  /** Revokes every token the user holds (all devices). */
  async logout(userId: string): Promise<void> {
    await this.prisma.user.update({
      where: { id: userId },
      data: { tokenVersion: { increment: 1 } },
    });
  }

  /** Revokes every earlier token and returns a fresh one, so only this session stays signed in. */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new InvalidInput('currentPassword is wrong');
    }
    const updated = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.user.update({
        where: { id: userId },
        data: {
          passwordHash: await this.hasher.hash(newPassword),
          tokenVersion: { increment: 1 },
        },
      });
      await this.audit.record(
        { actorId: userId, action: 'user.password_changed', entityType: 'user', entityId: userId },
        tx,
      );
      return changed;
    });
    return this.issue(updated);
  }

  private async issue(user: User): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  private async recordFailure(userId: string, failedSoFar: number): Promise<void> {
    const failed = failedSoFar + 1;
    await this.prisma.user.update({
      where: { id: userId },
      data: {
        failedLoginCount: failed >= MAX_FAILED_LOGINS ? 0 : failed,
        lockedUntil: failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MS) : undefined,
      },
    });
  }
}
