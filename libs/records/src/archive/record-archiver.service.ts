import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { RecordExportCompletion } from '../exports/record-export-completion.service';
import { selectionJson } from '../exports/record-selection';
import { MAX_THREADS_PER_PACKAGE } from '../limits';
import { NothingToPackage, RecordPackageBuilder } from '../package/record-package.builder';
import { asBytes } from '../package/record-zip';

const STORE_TIMEOUT_MS = 120_000;

/**
 * Retention's "archive first, then delete": builds the threads' record
 * package in this process and stores it (purpose ARCHIVE) before the caller
 * deletes anything. A package is stored whole or not at all.
 */
@Injectable()
export class RecordArchiver {
  private readonly logger = new Logger(RecordArchiver.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly builder: RecordPackageBuilder,
    private readonly completion: RecordExportCompletion,
  ) {}

  /**
   * Archives up to MAX_THREADS_PER_PACKAGE threads (call once per batch) and
   * returns the stored RecordExport's id. Threads that no longer exist are
   * left out; when none exists, nothing is stored and it throws.
   */
  async archive(threadIds: string[], retentionRunId: string): Promise<string> {
    const ids = [...new Set(threadIds)];
    if (ids.length === 0) throw new NothingToPackage();
    if (ids.length > MAX_THREADS_PER_PACKAGE) {
      throw new RangeError(
        `A record package holds at most ${MAX_THREADS_PER_PACKAGE} threads; archive ${ids.length} in batches`,
      );
    }
    const id = randomUUID();
    const requestedAt = new Date();
    const built = await this.builder.build(
      {
        id,
        purpose: 'ARCHIVE',
        requestedAt: requestedAt.toISOString(),
        requestedBy: null,
        retentionRunId,
        selection: { threadIds: ids },
      },
      ids,
    );
    const finishedAt = new Date();
    await this.prisma.$transaction(
      async (tx) => {
        await tx.recordExport.create({
          data: {
            id,
            purpose: 'ARCHIVE',
            status: 'DONE',
            retentionRunId,
            selection: selectionJson({ threadIds: built.threadIds }),
            threadCount: built.threadIds.length,
            threadsDone: built.threadIds.length,
            package: asBytes(built.zip),
            sha256: built.sha256,
            byteSize: built.zip.length,
            createdAt: requestedAt,
            finishedAt,
          },
        });
        await this.completion.record(
          tx,
          { id, purpose: 'ARCHIVE', actorId: null, finishedAt },
          built,
        );
      },
      { timeout: STORE_TIMEOUT_MS },
    );
    this.logger.log(
      { exportId: id, retentionRunId, threadCount: built.threadIds.length },
      'threads archived as a record package',
    );
    return id;
  }
}
