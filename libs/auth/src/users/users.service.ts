import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { Conflict, InvalidInput, NotFound, passwordWeakness } from '@svara/common';
import { isMissingReference, isUniqueViolation, Prisma, PrismaService } from '@svara/database';
import { PasswordHasher } from '../password-hasher';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';

const USER_VIEW = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lockedUntil: true,
  createdAt: true,
  updatedAt: true,
  memberships: { select: { teamId: true, isLead: true } },
} satisfies Prisma.UserSelect;

/**
 * Serializes the changes that may leave Svara without an active admin (role
 * changes, deactivation, deletion): each waits for the one before to commit,
 * then counts the admins that are left. Held until the transaction ends.
 */
export async function lockActiveAdmins(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('svara:active-admins'))`;
}

function refuseWeak(password: string, owner: { email: string; name: string }): void {
  const weakness = passwordWeakness('password', password, owner);
  if (weakness) throw new InvalidInput(weakness);
}

/** Admin management of users. Password hashes never leave this service. */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  list() {
    return this.prisma.user.findMany({ orderBy: { email: 'asc' }, select: USER_VIEW });
  }

  async get(id: string) {
    const user = await this.prisma.user.findUnique({ where: { id }, select: USER_VIEW });
    if (!user) throw new NotFound('User');
    return user;
  }

  async create(body: CreateUserDto, actorId: string) {
    refuseWeak(body.password, body);
    const passwordHash = await this.hasher.hash(body.password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            email: body.email,
            name: body.name,
            role: body.role,
            passwordHash,
            memberships: body.teamIds?.length
              ? { create: [...new Set(body.teamIds)].map((teamId) => ({ teamId })) }
              : undefined,
          },
          select: USER_VIEW,
        });
        await this.audit.record(
          {
            actorId,
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            data: { email: user.email, role: user.role, teamIds: body.teamIds ?? [] },
          },
          tx,
        );
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('A user with this e-mail already exists');
      if (isMissingReference(error)) throw new InvalidInput('teamIds: no such team');
      throw error;
    }
  }

  async update(id: string, body: UpdateUserDto, actorId: string) {
    return this.prisma.$transaction(async (tx) => {
      if (body.role !== undefined || body.active !== undefined) await lockActiveAdmins(tx);
      const before = await tx.user.findUnique({ where: { id } });
      if (!before) throw new NotFound('User');
      if (body.password !== undefined) {
        refuseWeak(body.password, { email: before.email, name: body.name ?? before.name });
      }
      const demotesAdmin =
        before.role === 'ADMIN' &&
        before.active &&
        ((body.role && body.role !== 'ADMIN') || body.active === false);
      if (demotesAdmin) await this.keepOneAdmin(tx, id);
      // A new role, password or deactivation takes effect now, not when old tokens expire.
      const revokes =
        (body.role !== undefined && body.role !== before.role) ||
        body.password !== undefined ||
        body.active === false;
      const user = await tx.user.update({
        where: { id },
        data: {
          name: body.name,
          role: body.role,
          active: body.active,
          passwordHash: body.password ? await this.hasher.hash(body.password) : undefined,
          tokenVersion: revokes ? { increment: 1 } : undefined,
          ...(body.active === true ? { failedLoginCount: 0, lockedUntil: null } : {}),
        },
        select: USER_VIEW,
      });
      const { password, ...changed } = body;
      await this.audit.record(
        {
          actorId,
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          data: { ...changed, ...(password ? { passwordReset: true } : {}) },
        },
        tx,
      );
      return user;
    });
  }

  async remove(id: string, actorId: string): Promise<void> {
    if (id === actorId) throw new Conflict('You cannot delete your own account');
    await this.prisma.$transaction(async (tx) => {
      await lockActiveAdmins(tx);
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) throw new NotFound('User');
      if (user.role === 'ADMIN' && user.active) await this.keepOneAdmin(tx, id);
      await tx.user.delete({ where: { id } });
      await this.audit.record(
        {
          actorId,
          action: 'user.deleted',
          entityType: 'user',
          entityId: id,
          data: { email: user.email },
        },
        tx,
      );
    });
  }

  private async keepOneAdmin(tx: Prisma.TransactionClient, leavingId: string): Promise<void> {
    const others = await tx.user.count({
      where: { role: 'ADMIN', active: true, id: { not: leavingId } },
    });
    if (others === 0) throw new Conflict('Svara needs at least one active admin');
  }
}
