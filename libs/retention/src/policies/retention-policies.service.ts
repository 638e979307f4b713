import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { NotFound } from '@svara/common';
import { PrismaService, type RetentionPolicy, withUniqueName } from '@svara/database';
import type {
  CreateRetentionPolicyDto,
  RetentionRuleDto,
  UpdateRetentionPolicyDto,
} from './retention-policy.dto';
import { closedBeforeFor, dueThreads, type RetentionRule } from './retention-selection';

/** How many of the threads a dry run would take it lists by id. */
const DRY_RUN_SAMPLE = 100;

export function retentionPolicyView(policy: RetentionPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    action: policy.action,
    afterDays: policy.afterDays,
    channelTypes: policy.channelTypes,
    tags: policy.tags,
    enabled: policy.enabled,
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt,
  };
}

function ruleOf(body: RetentionRuleDto): RetentionRule {
  return {
    action: body.action,
    afterDays: body.afterDays,
    channelTypes: [...new Set(body.channelTypes ?? [])],
    tags: [...new Set(body.tags ?? [])],
  };
}

/** Admins' retention policies, and dry runs showing what a policy would take today. */
@Injectable()
export class RetentionPolicies {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  async create(body: CreateRetentionPolicyDto, actorId: string) {
    const policy = await withUniqueName('retention policy', body.name, () =>
      this.prisma.$transaction(async (tx) => {
        const created = await tx.retentionPolicy.create({
          data: { ...ruleOf(body), name: body.name, enabled: body.enabled ?? true },
        });
        await this.audit.record(
          {
            actorId,
            action: 'retention_policy.created',
            entityType: 'retention_policy',
            entityId: created.id,
            data: retentionPolicyView(created),
          },
          tx,
        );
        return created;
      }),
    );
    return retentionPolicyView(policy);
  }

  async list() {
    const policies = await this.prisma.retentionPolicy.findMany({ orderBy: { name: 'asc' } });
    return policies.map(retentionPolicyView);
  }

  async get(id: string) {
    return retentionPolicyView(await this.find(id));
  }

  async update(id: string, body: UpdateRetentionPolicyDto, actorId: string) {
    const current = await this.find(id);
    const policy = await withUniqueName('retention policy', body.name, () =>
      this.prisma.$transaction(async (tx) => {
        const updated = await tx.retentionPolicy.update({
          where: { id },
          data: {
            name: body.name,
            enabled: body.enabled,
            ...ruleOf({
              action: body.action ?? current.action,
              afterDays: body.afterDays ?? current.afterDays,
              channelTypes: body.channelTypes ?? current.channelTypes,
              tags: body.tags ?? current.tags,
            }),
          },
        });
        await this.audit.record(
          {
            actorId,
            action: 'retention_policy.updated',
            entityType: 'retention_policy',
            entityId: id,
            data: { before: retentionPolicyView(current), after: retentionPolicyView(updated) },
          },
          tx,
        );
        return updated;
      }),
    );
    return retentionPolicyView(policy);
  }

  async remove(id: string, actorId: string): Promise<void> {
    const policy = await this.find(id);
    await this.prisma.$transaction(async (tx) => {
      await tx.retentionPolicy.delete({ where: { id } });
      await this.audit.record(
        {
          actorId,
          action: 'retention_policy.deleted',
          entityType: 'retention_policy',
          entityId: id,
          data: { name: policy.name },
        },
        tx,
      );
    });
  }

  /** What a stored policy would take if it ran now; nothing changes. */
  async dryRun(id: string) {
    return this.preview(await this.find(id));
  }

  /** What a rule would take if it ran now, before it is saved; nothing changes. */
  async preview(rule: RetentionRuleDto | RetentionPolicy) {
    const normalized = ruleOf(rule);
    const closedBefore = closedBeforeFor(normalized);
    const where = dueThreads(normalized, closedBefore);
    const [total, sample] = await Promise.all([
      this.prisma.thread.count({ where }),
      this.prisma.thread.findMany({
        where,
        orderBy: { closedAt: 'asc' },
        take: DRY_RUN_SAMPLE,
        select: {
          id: true,
          subject: true,
          closedAt: true,
          tags: true,
          messageCount: true,
          channel: { select: { id: true, type: true, name: true } },
        },
      }),
    ]);
    return { action: normalized.action, closedBefore, total, threads: sample };
  }

  async find(id: string): Promise<RetentionPolicy> {
    const policy = await this.prisma.retentionPolicy.findUnique({ where: { id } });
    if (!policy) throw new NotFound('Retention policy');
    return policy;
  }
}
