import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '@svara/auth';
import type { Prisma, PrismaService, UserRole } from '@svara/database';
import type { WebFormItem } from '@svara/channels';

export const DEFAULT_PASSWORD = 'a long enough password';

export async function createUser(
  prisma: PrismaService,
  {
    role = 'ADMIN' as UserRole,
    email = `${randomUUID()}@kommun.test`,
    password = DEFAULT_PASSWORD,
  } = {},
) {
  const passwordHash = await new PasswordHasher().hash(password);
  return prisma.user.create({ data: { email, name: email.split('@')[0]!, role, passwordHash } });
}

export function createWebFormChannel(prisma: PrismaService, config: Prisma.InputJsonObject = {}) {
  return prisma.channel.create({
    data: {
      type: 'WEB_FORM',
      name: `Form ${randomUUID().slice(0, 8)}`,
      backfillSince: new Date(),
      config,
    },
  });
}

export function webFormItem(overrides: Partial<WebFormItem> = {}): WebFormItem {
  const id = randomUUID();
  return {
    id,
    submittedAt: new Date().toISOString(),
    name: 'Anna Andersson',
    email: `anna.${id.slice(0, 8)}@example.se`,
    subject: 'Sophämtning',
    message: `Soporna hämtades inte (${id})`,
    ...overrides,
  };
}
