import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import type { Prisma, RecordExportPurpose } from '@svara/database';
import type { BuiltPackage } from '../package/record-package.builder';

export interface CompletedExport {
  id: string;
  purpose: RecordExportPurpose;
  /** Who asked for it; null when Svara made it (retention). */
  actorId: string | null;
  finishedAt: Date;
}

/**
 * What a finished package leaves behind, inside the transaction that stores
 * it: each thread marked with the package, and audit entries that name the
 * package and its checksum, never anything personal.
 */
@Injectable()
export class RecordExportCompletion {
  constructor(private readonly audit: AuditTrail) {}

  async record(tx: Prisma.TransactionClient, done: CompletedExport, built: BuiltPackage) {
    await tx.thread.updateMany({
      where: { id: { in: built.threadIds } },
      data: { recordExportedAt: done.finishedAt, lastRecordExportId: done.id },
    });
    await this.audit.record(
      {
        actorId: done.actorId,
        action: 'record_export.completed',
        entityType: 'record_export',
        entityId: done.id,
        data: {
          purpose: done.purpose,
          threadCount: built.threadIds.length,
          sha256: built.sha256,
          byteSize: built.zip.length,
        },
      },
      tx,
    );
    await this.audit.recordMany(
      built.threadIds.map((threadId) => ({
        actorId: done.actorId,
        action: 'thread.record_exported',
        entityType: 'thread' as const,
        entityId: threadId,
        data: { recordExportId: done.id, sha256: built.sha256 },
      })),
      tx,
    );
  }
}
