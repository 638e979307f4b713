import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { AppConfig, grantsFor, mappedTeams } from '@svara/config';
import { isUniqueViolation, Prisma, PrismaService, type User } from '@svara/database';
import { lockActiveAdmins } from '../users/users.service';
import type { ProviderProfile } from './profile-claims';

/** Why a person the provider vouched for still gets no session. */
export type SsoRefusal = 'no_access' | 'inactive' | 'missing_email' | 'conflict';

export type SsoOutcome = { user: User } | { refused: SsoRefusal };

/**
 * The people single sign-on brings in: created at their first sign-in and
 * brought up to date at every one after (name, e-mail, role, and membership
 * of the teams OIDC_GROUP_MAP names; teams it does not name stay the admins'
 * to manage). A person is found by the provider's subject, or the first
 * time by e-mail, so existing accounts are taken over rather than doubled.
 */
@Injectable()
export class SsoUsers {
  private readonly logger = new Logger(SsoUsers.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  async signIn(profile: ProviderProfile): Promise<SsoOutcome> {
    const groupMap = this.config.oidc!.groupMap;
    if (!profile.email) return { refused: 'missing_email' };
    const email = profile.email;
    const grants = grantsFor(groupMap, profile.groups);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const existing =
          (await tx.user.findUnique({ where: { oidcSubject: profile.subject } })) ??
          (await tx.user.findUnique({ where: { email } }));
        if (existing?.oidcSubject && existing.oidcSubject !== profile.subject) {
          // Someone else's single sign-on account already has this address.
          return { refused: 'conflict' as const };
        }
        if (existing && !existing.active) return { refused: 'inactive' as const };
        if (!grants.role) return { refused: 'no_access' as const };

        const teams = await tx.team.findMany({
          where: { name: { in: mappedTeams(groupMap) } },
          select: { id: true, name: true },
        });
        const granted = teams.filter((team) => grants.teams.includes(team.name));
        const missing = grants.teams.filter((name) => !teams.some((team) => team.name === name));
        if (missing.length > 0) {
          this.logger.warn({ teams: missing }, 'OIDC_GROUP_MAP names teams that do not exist');
        }
        const name = profile.name ?? existing?.name ?? email;
        const data = { email, name, role: grants.role, oidcSubject: profile.subject };
        if (!existing) return { user: await this.create(tx, data, granted) };
        const managed = teams.map((team) => team.id);
        return { user: await this.update(tx, existing, data, granted, managed) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The new address is another account's.
        return { refused: 'conflict' };
      }
      throw error;
    }
  }

  private async create(
    tx: Prisma.TransactionClient,
    data: Pick<User, 'email' | 'name' | 'role' | 'oidcSubject'>,
    teams: { id: string; name: string }[],
  ): Promise<User> {
    const user = await tx.user.create({
      data: {
        ...data,
        passwordHash: null,
        memberships: { create: teams.map((team) => ({ teamId: team.id })) },
      },
    });
    await this.audit.record(
      {
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        data: {
          email: user.email,
          role: user.role,
          teamIds: teams.map((team) => team.id),
          by: 'single_sign_on',
        },
      },
      tx,
    );
    return user;
  }

  private async update(
    tx: Prisma.TransactionClient,
    before: User,
    given: Pick<User, 'email' | 'name' | 'role' | 'oidcSubject'>,
    granted: { id: string; name: string }[],
    managedTeamIds: string[],
  ): Promise<User> {
    const data = { ...given, role: await this.roleKeepingOneAdmin(tx, before, given.role) };
    const memberships = await tx.teamMember.findMany({
      where: { userId: before.id },
      select: { teamId: true },
    });
    const current = new Set(memberships.map((membership) => membership.teamId));
    const grantedIds = new Set(granted.map((team) => team.id));
    const added = [...grantedIds].filter((id) => !current.has(id));
    const removed = managedTeamIds.filter((id) => current.has(id) && !grantedIds.has(id));
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
      (key) => data[key] !== before[key],
    );
    if (changed.length === 0 && added.length === 0 && removed.length === 0) return before;

    if (added.length > 0) {
      await tx.teamMember.createMany({
        data: added.map((teamId) => ({ teamId, userId: before.id })),
      });
    }
    if (removed.length > 0) {
      await tx.teamMember.deleteMany({ where: { userId: before.id, teamId: { in: removed } } });
    }
    const user = await tx.user.update({
      where: { id: before.id },
      data: {
        ...data,
        // A new role takes effect now in the person's other sessions too.
        tokenVersion: data.role !== before.role ? { increment: 1 } : undefined,
      },
    });
    await this.audit.record(
      {
        actorId: null,
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        data: {
          ...Object.fromEntries(changed.map((key) => [key, data[key]])),
          ...(added.length > 0 ? { teamsAdded: added } : {}),
          ...(removed.length > 0 ? { teamsRemoved: removed } : {}),
          by: 'single_sign_on',
        },
      },
      tx,
    );
    return user;
  }

  /**
   * The provider's groups may take the admin role from the last active admin;
   * as in the users API, Svara keeps one (serialized with every other change
   * that could leave none), and says so in the log.
   */
  private async roleKeepingOneAdmin(
    tx: Prisma.TransactionClient,
    before: User,
    role: User['role'],
  ): Promise<User['role']> {
    if (before.role !== 'ADMIN' || !before.active || role === 'ADMIN') return role;
    await lockActiveAdmins(tx);
    const others = await tx.user.count({
      where: { role: 'ADMIN', active: true, id: { not: before.id } },
    });
    if (others > 0) return role;
    this.logger.warn(
      { userId: before.id, groupsGive: role },
      'kept the admin role of the last active admin, whose groups no longer give it',
    );
    return 'ADMIN';
  }
}
