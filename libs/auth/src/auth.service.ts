import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PrismaService } from '@svara/database';
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
