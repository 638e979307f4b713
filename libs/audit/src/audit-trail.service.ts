import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@svara/database';

export interface AuditEntry {
  /** Who did it; null for Svara itself. */
  actorId: string | null;
  /** What happened, as `<entity>.<verb>`: `channel.updated`, `thread.status_changed`. */
  action: string;
  entityType:
    | 'user'
    | 'team'
    | 'channel'
    | 'thread'
    | 'message'
    | 'contact'
    | 'canned_reply'
    | 'retention_policy'
    | 'retention_run'
    | 'record_export';
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

  async list(query: { entityType?: string; entityId?: string; before?: bigint; limit: number }) {
    const rows = await this.prisma.auditLog.findMany({
      where: {
        entityType: query.entityType,
        entityId: query.entityId,
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
        data: row.data,
        createdAt: row.createdAt,
      })),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id.toString() : null,
    };
  }
}
