import { Injectable } from '@nestjs/common';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import { Prisma, PrismaService, type SlaPolicy, withUniqueName } from '@svara/database';
import { CalendarNeverOpen, dueTimes, type Target, TARGETS } from '@svara/sla';
import { calendarOf, decodeTarget } from '@svara/thread-sla';
import { SlaRecomputations } from '@svara/pipeline';
import type {
  CreateSlaPolicyDto,
  DuePreviewDto,
  DuePreviewResultDto,
  TargetDto,
  UpdateSlaPolicyDto,
} from './dto/sla-policy.dto';

export function slaPolicyView(policy: SlaPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    calendarId: policy.calendarId,
    firstResponse: policy.firstResponse,
    nextResponse: policy.nextResponse,
    resolution: policy.resolution,
    escalationLevels: policy.escalationLevels,
    locale: policy.locale,
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt,
  };
}

/** A target as stored: exactly one of minutes / workingDays (with its count), at most one warning. */
function targetOf(field: string, target: TargetDto | null | undefined) {
  if (target === undefined) return undefined;
  if (target === null) return Prisma.DbNull;
  const { minutes, workingDays, countFrom, warnBeforeMinutes, warnAtPercent } = target;
  if ((minutes === undefined) === (workingDays === undefined))
    throw new InvalidInput(`${field} must have either minutes or workingDays`);
  if (countFrom !== undefined && workingDays === undefined)
    throw new InvalidInput(`${field}.countFrom goes with workingDays only`);
  if (warnBeforeMinutes !== undefined && warnAtPercent !== undefined)
    throw new InvalidInput(`${field} may have warnBeforeMinutes or warnAtPercent, not both`);
  return minutes !== undefined
    ? { minutes, warnBeforeMinutes, warnAtPercent }
    : { workingDays: workingDays!, countFrom, warnBeforeMinutes, warnAtPercent };
}

@Injectable()
export class SlaPoliciesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly recomputations: SlaRecomputations,
  ) {}

  async create(body: CreateSlaPolicyDto) {
    const data = await this.dataOf(body);
    const policy = await withUniqueName('policy', body.name, () =>
      this.prisma.slaPolicy.create({
        data: { ...data, name: body.name, calendarId: body.calendarId },
      }),
    );
    return slaPolicyView(policy);
  }

  async list() {
    const policies = await this.prisma.slaPolicy.findMany({ orderBy: { name: 'asc' } });
    return policies.map(slaPolicyView);
  }

  async get(id: string) {
    return slaPolicyView(await this.find(id));
  }

  /** Changes the policy, then recomputes due times of its open threads in the background. */
  async update(id: string, body: UpdateSlaPolicyDto) {
    await this.find(id);
    const data = await this.dataOf(body);
    const policy = await withUniqueName('policy', body.name, () =>
      this.prisma.slaPolicy.update({ where: { id }, data }),
    );
    const recomputationId = await this.recomputations.request(id, policy.updatedAt, [id]);
    return { ...slaPolicyView(policy), recomputationId };
  }

  /** When a message arriving at `arrivedAt` is due under a target (saved or not) on a calendar. */
  async preview(body: DuePreviewDto): Promise<DuePreviewResultDto> {
    const calendar = await this.prisma.businessCalendar.findUnique({
      where: { id: body.calendarId },
    });
    if (!calendar) throw new InvalidInput('calendarId names no calendar');
    const targetName = body.targetName ?? 'firstResponse';
    let target: Target;
    if (body.target) {
      target = targetOf('target', body.target) as Target;
    } else if (body.policyId) {
      const stored = (await this.find(body.policyId))[targetName];
      if (!stored) throw new InvalidInput(`The policy has no ${targetName} target`);
      target = decodeTarget(stored);
    } else {
      throw new InvalidInput('Give policyId or target');
    }
    const arrivedAt = new Date(body.arrivedAt);
    try {
      const { dueAt, warnAt } = dueTimes(calendarOf(calendar), target, arrivedAt);
      return {
        arrivedAt: arrivedAt.toISOString(),
        dueAt: dueAt.toISOString(),
        warnAt: warnAt?.toISOString() ?? null,
        timeZone: calendar.timeZone,
      };
    } catch (error) {
      if (error instanceof CalendarNeverOpen) throw new InvalidInput(error.message);
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    const [channels, teams, threads] = await Promise.all([
      this.prisma.channel.count({ where: { slaPolicyId: id } }),
      this.prisma.team.count({ where: { slaPolicyId: id } }),
      this.prisma.thread.count({ where: { slaPolicyId: id, status: { not: 'CLOSED' } } }),
    ]);
    if (channels + teams + threads > 0)
      throw new Conflict(
        `The policy is in use (${channels} channels, ${teams} teams, ${threads} open threads)`,
      );
    await this.prisma.slaPolicy.delete({ where: { id } });
  }

  private async find(id: string) {
    const policy = await this.prisma.slaPolicy.findUnique({ where: { id } });
    if (!policy) throw new NotFound('SLA policy');
    return policy;
  }

  private async dataOf(body: UpdateSlaPolicyDto) {
    if (body.calendarId) {
      const calendar = await this.prisma.businessCalendar.count({ where: { id: body.calendarId } });
      if (!calendar) throw new InvalidInput('calendarId names no calendar');
    }
    const targets = Object.fromEntries(
      TARGETS.map((target) => [target, targetOf(target, body[target])]),
    );
    if (body.escalationLevels) await this.checkLevels(body.escalationLevels);
    return {
      name: body.name,
      calendarId: body.calendarId,
      ...targets,
      escalationLevels: body.escalationLevels?.map((level) => ({
        level: level.level,
        on: level.on,
        ...(level.afterMinutes !== undefined ? { afterMinutes: level.afterMinutes } : {}),
        recipients: {
          userIds: level.recipients.userIds ?? [],
          teamIds: level.recipients.teamIds ?? [],
          threadTeamLeads: level.recipients.threadTeamLeads ?? false,
          addresses: level.recipients.addresses ?? [],
        },
      })) as Prisma.InputJsonArray | undefined,
      locale: body.locale,
    };
  }

  private async checkLevels(levels: NonNullable<CreateSlaPolicyDto['escalationLevels']>) {
    const seen = new Set<number>();
    for (const [index, level] of levels.entries()) {
      if (seen.has(level.level))
        throw new InvalidInput(`escalationLevels.${index}.level ${level.level} appears twice`);
      seen.add(level.level);
      const { userIds = [], teamIds = [], threadTeamLeads, addresses = [] } = level.recipients;
      if (!userIds.length && !teamIds.length && !threadTeamLeads && !addresses.length)
        throw new InvalidInput(`escalationLevels.${index}.recipients names nobody`);
      if (
        userIds.length &&
        (await this.prisma.user.count({ where: { id: { in: userIds } } })) !== new Set(userIds).size
      )
        throw new InvalidInput(
          `escalationLevels.${index}.recipients.userIds names an unknown user`,
        );
      if (
        teamIds.length &&
        (await this.prisma.team.count({ where: { id: { in: teamIds } } })) !== new Set(teamIds).size
      )
        throw new InvalidInput(
          `escalationLevels.${index}.recipients.teamIds names an unknown team`,
        );
    }
  }
}
