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
    teamIds = [] as string[],
  } = {},
) {
  const passwordHash = await new PasswordHasher().hash(password);
  return prisma.user.create({
    data: {
      email,
      name: email.split('@')[0]!,
      role,
      passwordHash,
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
  });
}

export function createWebFormChannel(
  prisma: PrismaService,
  config: Prisma.InputJsonObject = {},
  teamId: string | null = null,
) {
  return prisma.channel.create({
    data: {
      type: 'WEB_FORM',
      name: `Form ${randomUUID().slice(0, 8)}`,
      backfillSince: new Date(),
      config,
      teamId,
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

export function createTeam(prisma: PrismaService, name = `Team ${randomUUID().slice(0, 8)}`) {
  return prisma.team.create({ data: { name } });
}

/** A thread with one inbound message, written directly (the ingest path has its own tests). */
export async function createThread(
  prisma: PrismaService,
  {
    channelId = '' as string,
    teamId = null as string | null,
    assigneeId = null as string | null,
    subject = 'Fråga',
    text = 'Hej, jag har en fråga.',
    status = 'OPEN' as 'OPEN' | 'PENDING' | 'CLOSED',
    slaState = 'NONE' as 'NONE' | 'OK' | 'WARNING' | 'BREACHED',
    dueAt = null as Date | null,
    lastMessageAt = new Date(),
    tags = [] as string[],
    closedAt = null as Date | null,
    contactId = null as string | null,
  },
) {
  const externalId = randomUUID();
  return prisma.thread.create({
    data: {
      channelId,
      externalId,
      teamId,
      assigneeId,
      subject,
      status,
      slaState,
      nextSlaCheckAt: dueAt,
      lastMessageAt,
      tags,
      closedAt,
      contactId,
      messageCount: 1,
      messages: {
        create: {
          channelId,
          externalId,
          direction: 'INBOUND',
          authorName: 'Anna Andersson',
          authorAddress: 'anna@example.se',
          text,
          sentAt: lastMessageAt,
        },
      },
    },
  });
}
