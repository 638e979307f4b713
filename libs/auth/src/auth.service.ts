import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditTrail } from '@svara/audit';
import { InvalidInput, passwordWeakness } from '@svara/common';
import { AppConfig } from '@svara/config';
import { PrismaService, type User } from '@svara/database';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims } from './access-token';
import { PasswordHasher } from './password-hasher';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MINUTES = 15;
const WRONG_LOGIN = 'Wrong e-mail or password';

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
    private readonly config: AppConfig,
  ) {}

  /**
   * A wrong password, a locked account, an unknown e-mail and a deactivated
   * user all get the same answer, after the same password check, so the
   * answer tells nothing about the account.
   */
  async login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    if (!this.config.passwordLogin) {
      throw new ForbiddenException('Password sign-in is switched off: use single sign-on');
    }
    const user = await this.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    const valid =
      (await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password)) &&
      Boolean(user?.passwordHash);
    if (user?.active && valid && (await this.clearFailures(user))) return this.issue(user);
    if (user?.active && !valid) await this.recordFailure(user.id);
    throw new UnauthorizedException(WRONG_LOGIN);
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
    // Wrong guesses count as failed logins (same counter, same lockout), and a locked
    // account is answered as a wrong guess.
    // People who sign in through single sign-on have no password to change.
    const valid =
      user.passwordHash !== null && (await this.hasher.verify(user.passwordHash, currentPassword));
    if (!valid) await this.recordFailure(user.id);
    if (!valid || !(await this.clearFailures(user))) {
      throw new InvalidInput('currentPassword is wrong');
    }
    const weakness = passwordWeakness('newPassword', newPassword, user);
    if (weakness) throw new InvalidInput(weakness);
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

  /**
   * After a right password: false while the account is locked; otherwise its
   * failures are forgotten. Conditional in SQL, so a lock set meanwhile holds.
   */
  private async clearFailures(user: User): Promise<boolean> {
    if (user.lockedUntil && user.lockedUntil > new Date()) return false;
    if (user.failedLoginCount === 0 && !user.lockedUntil) return true;
    const cleared = await this.prisma.$executeRaw`
      UPDATE users SET "failedLoginCount" = 0, "lockedUntil" = NULL
      WHERE id = ${user.id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())`;
    return cleared > 0;
  }

  /**
   * Counts a wrong password in one statement, so parallel guesses each count;
   * the fifth locks the account. A lock that has run out starts the count again.
   */
  private async recordFailure(userId: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE users SET
        "failedLoginCount" = CASE WHEN "lockedUntil" <= now() THEN 1
          ELSE "failedLoginCount" + 1 END,
        "lockedUntil" = CASE
          WHEN "lockedUntil" > now() THEN "lockedUntil"
          WHEN (CASE WHEN "lockedUntil" <= now() THEN 1 ELSE "failedLoginCount" + 1 END)
            >= ${MAX_FAILED_LOGINS} THEN now() + make_interval(mins => ${LOCKOUT_MINUTES})
          ELSE NULL END
      WHERE id = ${userId}::uuid`;
  }
}
