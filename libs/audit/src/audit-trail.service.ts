import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@svara/database';

/**
 * Every kind of entity the audit log writes entries about. Writers are typed
 * by it and the audit-log API filters by it, so the two cannot drift.
 */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'team',
  'channel',
  'thread',
  'message',
  'contact',
  'canned_reply',
  'tag',
  'retention_policy',
  'retention_run',
  'record_export',
  'inbound_batch',
  /** A job of a work queue, as `<queue>/<job id>`. */
  'queue_job',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditEntry {
  /** Who did it; null for Svara itself. */
  actorId: string | null;
  /** What happened, as `<entity>.<verb>`: `channel.updated`, `thread.status_changed`. */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** What changed. Never secrets or passwords: name such fields, do not copy them. */
  data?: Record<string, unknown>;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

const row = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  data: (entry.data ?? {}) as Prisma.InputJsonObject,
});

/** Who changed what, when: every admin change and every thread state change. */
@Injectable()
export class AuditTrail {
  constructor(private readonly prisma: PrismaService) {}

  /** Records inside the caller's transaction when given one, so the entry commits with the change. */
  async record(entry: AuditEntry, db: AuditWriter = this.prisma): Promise<void> {
    await db.auditLog.create({ data: row(entry) });
  }

  /** Many entries in one statement, for changes that touch many entities at once. */
  async recordMany(entries: AuditEntry[], db: AuditWriter = this.prisma): Promise<void> {
    if (entries.length > 0) await db.auditLog.createMany({ data: entries.map(row) });
  }

  async list(query: {
    entityType?: AuditEntityType;
    entityId?: string;
    actorId?: string;
    /** A whole action or its start: `contact.` matches every action on contacts. */
    actionPrefix?: string;
    createdAt?: { gte?: Date; lt?: Date };
    before?: bigint;
    limit: number;
  }) {
    const rows = await this.prisma.auditLog.findMany({
      where: {
        entityType: query.entityType,
        entityId: query.entityId,
        actorId: query.actorId,
        action: query.actionPrefix === undefined ? undefined : { startsWith: query.actionPrefix },
        createdAt: query.createdAt,
        id: query.before === undefined ? undefined : { lt: query.before },
      },
      orderBy: { id: 'desc' },
      take: query.limit + 1,
      include: { actor: { select: { id: true, email: true, name: true } } },
    });
    const page = rows.slice(0, query.limit);
    return {
      data: page.map((row) => ({
        id: row.id.toString(),
        actor: row.actor,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        data: row.data as Record<string, unknown>,
        createdAt: row.createdAt,
      })),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id.toString() : null,
    };
  }
}
