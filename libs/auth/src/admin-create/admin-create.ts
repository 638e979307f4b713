import { AuditTrail } from '@svara/audit';
import { InvalidInput, passwordWeakness } from '@svara/common';
import type { PrismaService } from '@svara/database';
import { isEmail } from 'class-validator';
import { PasswordHasher } from '../password-hasher';
import { lockActiveAdmins } from '../users/users.service';

export interface AdminAccount {
  email: string;
  name: string;
  password: string;
}

/**
 * Recovery when no admin can log in: makes the user with this e-mail an
 * active admin with this password (unlocked, every earlier token revoked),
 * or creates them. Recorded in the audit log as done by Svara itself.
 */
export async function createOrReactivateAdmin(
  prisma: PrismaService,
  account: AdminAccount,
): Promise<{ id: string; created: boolean }> {
  const email = account.email.trim().toLowerCase();
  const name = account.name.trim();
  if (!isEmail(email) || email.length > 320)
    throw new InvalidInput('--email must be an e-mail address');
  if (!name || name.length > 200) throw new InvalidInput('--name must be 1 to 200 characters');
  const weakness = passwordWeakness('ADMIN_PASSWORD', account.password, { email, name });
  if (weakness) throw new InvalidInput(weakness);
  const passwordHash = await new PasswordHasher().hash(account.password);
  const audit = new AuditTrail(prisma);

  return prisma.$transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) {
      await tx.user.update({
        where: { id: existing.id },
        data: {
          name,
          role: 'ADMIN',
          active: true,
          passwordHash,
          failedLoginCount: 0,
          lockedUntil: null,
          tokenVersion: { increment: 1 },
        },
      });
      await audit.record(
        {
          actorId: null,
          action: 'user.updated',
          entityType: 'user',
          entityId: existing.id,
          data: { name, role: 'ADMIN', active: true, passwordReset: true, via: 'admin:create' },
        },
        tx,
      );
      return { id: existing.id, created: false };
    }
    const user = await tx.user.create({ data: { email, name, role: 'ADMIN', passwordHash } });
    await audit.record(
      {
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        data: { email, role: 'ADMIN', teamIds: [], via: 'admin:create' },
      },
      tx,
    );
    return { id: user.id, created: true };
  });
}
