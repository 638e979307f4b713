import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import {
  isMissingReference,
  isRecordNotFound,
  isUniqueViolation,
  Prisma,
  PrismaService,
} from '@svara/database';
import { SlaRecomputations } from '@svara/pipeline';

const TEAM_VIEW = {
  id: true,
  name: true,
  slaPolicyId: true,
  createdAt: true,
  members: {
    select: { userId: true, isLead: true, user: { select: { email: true, name: true } } },
  },
} satisfies Prisma.TeamSelect;

/** Teams and who is in them. Channels and threads belong to a team. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly recomputations: SlaRecomputations,
  ) {}

  list() {
    return this.prisma.team.findMany({ orderBy: { name: 'asc' }, select: TEAM_VIEW });
  }

  async get(id: string) {
    const team = await this.prisma.team.findUnique({ where: { id }, select: TEAM_VIEW });
    if (!team) throw new NotFound('Team');
    return team;
  }

  async create(name: string, actorId: string) {
    return this.uniqueName(() =>
      this.prisma.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { name }, select: TEAM_VIEW });
        await this.audit.record(
          {
            actorId,
            action: 'team.created',
            entityType: 'team',
            entityId: team.id,
            data: { name },
          },
          tx,
        );
        return team;
      }),
    );
  }

  async rename(id: string, name: string, actorId: string) {
    return this.uniqueName(() =>
      this.prisma.$transaction(async (tx) => {
        const team = await tx.team.update({ where: { id }, data: { name }, select: TEAM_VIEW });
        await this.audit.record(
          { actorId, action: 'team.renamed', entityType: 'team', entityId: id, data: { name } },
          tx,
        );
        return team;
      }),
    );
  }

  /** The team's threads follow this policy instead of their channel's; their due times are recomputed. */
  async setSlaPolicy(id: string, slaPolicyId: string | null, actorId: string) {
    const { team, before } = await this.prisma.$transaction(async (tx) => {
      const current = await tx.team.findUnique({ where: { id }, select: { slaPolicyId: true } });
      if (!current) throw new NotFound('Team');
      if (slaPolicyId && !(await tx.slaPolicy.findUnique({ where: { id: slaPolicyId } }))) {
        throw new InvalidInput('slaPolicyId: no SLA policy with this id');
      }
      const updated = await tx.team.update({
        where: { id },
        data: { slaPolicyId },
        select: TEAM_VIEW,
      });
      await this.audit.record(
        {
          actorId,
          action: 'team.sla_policy_changed',
          entityType: 'team',
          entityId: id,
          data: { from: current.slaPolicyId, to: slaPolicyId },
        },
        tx,
      );
      return { team: updated, before: current.slaPolicyId };
    });
    const changedAt = new Date();
    const recomputation = await this.recomputations.request(
      id,
      changedAt,
      [before, slaPolicyId].filter((policy): policy is string => Boolean(policy)),
    );
    return { ...team, recomputation };
  }

  async remove(id: string, actorId: string): Promise<void> {
    await this.notFoundAs('Team', () =>
      this.prisma.$transaction(async (tx) => {
        const team = await tx.team.delete({ where: { id } });
        await this.audit.record(
          {
            actorId,
            action: 'team.deleted',
            entityType: 'team',
            entityId: id,
            data: { name: team.name },
          },
          tx,
        );
      }),
    );
  }

  async addMember(teamId: string, userId: string, isLead: boolean, actorId: string) {
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.teamMember.upsert({
          where: { teamId_userId: { teamId, userId } },
          create: { teamId, userId, isLead },
          update: { isLead },
        });
        await this.audit.record(
          {
            actorId,
            action: 'team.member_set',
            entityType: 'team',
            entityId: teamId,
            data: { userId, isLead },
          },
          tx,
        );
      });
    } catch (error) {
      if (isMissingReference(error)) throw new NotFound('Team or user');
      throw error;
    }
    return this.get(teamId);
  }

  async removeMember(teamId: string, userId: string, actorId: string) {
    await this.notFoundAs('Membership', () =>
      this.prisma.$transaction(async (tx) => {
        await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
        await this.audit.record(
          {
            actorId,
            action: 'team.member_removed',
            entityType: 'team',
            entityId: teamId,
            data: { userId },
          },
          tx,
        );
      }),
    );
  }

  private async uniqueName<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.notFoundAs('Team', work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('A team with this name already exists');
      throw error;
    }
  }

  private async notFoundAs<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isRecordNotFound(error)) throw new NotFound(what);
      throw error;
    }
  }
}
