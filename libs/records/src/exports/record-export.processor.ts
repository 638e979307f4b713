import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '@svara/database';
import { type JobOf, JobWorkers } from '@svara/pipeline';
import { NothingToPackage, RecordPackageBuilder } from '../package/record-package.builder';
import { asBytes } from '../package/record-zip';
import { RecordExportCompletion } from './record-export-completion.service';
import { decodeStoredSelection, requestedSelection } from './record-selection';

export type RecordExportOutcome = { threadCount: number; byteSize: number } | { skipped: string };

/** Stores the package, its checksum and the thread marks together. */
const STORE_TIMEOUT_MS = 120_000;

/**
 * Builds a requested record package in the worker, a chunk of threads at a
 * time (threadsDone shows how far it came), and stores it with its SHA-256.
 */
@Injectable()
export class RecordExportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecordExportProcessor.name);

  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly builder: RecordPackageBuilder,
    private readonly completion: RecordExportCompletion,
  ) {}

  onApplicationBootstrap(): void {
    // Packages are built in memory and the work is mostly CPU: one at a time per worker.
    this.workers.start(
      'record-export',
      { 'build-record-package': (job) => this.build(job) },
      { concurrency: 1 },
    );
  }

  async build(
    job: Pick<Job<JobOf<'build-record-package'>>, 'data' | 'attemptsMade' | 'opts'>,
  ): Promise<RecordExportOutcome> {
    const { exportId, correlationId } = job.data;
    const requested = await this.prisma.recordExport.findUnique({
      where: { id: exportId },
      include: { requestedBy: { select: { id: true, name: true, email: true } } },
    });
    if (!requested) return { skipped: 'export no longer exists' };
    if (requested.status === 'DONE' || requested.status === 'FAILED') {
      return { skipped: `export is ${requested.status}` };
    }
    await this.prisma.recordExport.update({
      where: { id: exportId },
      data: { status: 'RUNNING', threadsDone: 0, error: null },
    });
    try {
      const selection = decodeStoredSelection(requested.selection);
      const built = await this.builder.build(
        {
          id: requested.id,
          purpose: requested.purpose,
          requestedAt: requested.createdAt.toISOString(),
          requestedBy: requested.requestedBy,
          retentionRunId: requested.retentionRunId,
          selection: requestedSelection(selection),
        },
        selection.threadIds,
        async (threadsDone) => {
          await this.prisma.recordExport.update({ where: { id: exportId }, data: { threadsDone } });
        },
      );
      const finishedAt = new Date();
      await this.prisma.$transaction(
        async (tx) => {
          await tx.recordExport.update({
            where: { id: exportId },
            data: {
              status: 'DONE',
              package: asBytes(built.zip),
              sha256: built.sha256,
              byteSize: built.zip.length,
              threadCount: built.threadIds.length,
              threadsDone: built.threadIds.length,
              finishedAt,
            },
          });
          await this.completion.record(
            tx,
            {
              id: exportId,
              purpose: requested.purpose,
              actorId: requested.requestedById,
              finishedAt,
            },
            built,
          );
        },
        { timeout: STORE_TIMEOUT_MS },
      );
      const outcome = { threadCount: built.threadIds.length, byteSize: built.zip.length };
      this.logger.log({ exportId, correlationId, ...outcome }, 'record package built');
      return outcome;
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (error instanceof NothingToPackage || lastAttempt) {
        await this.fail(exportId, error);
        if (error instanceof NothingToPackage) return { skipped: error.message };
      }
      throw error;
    }
  }

  /** Out of attempts, or nothing left to export: the requester sees why. */
  private async fail(exportId: string, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    await this.prisma.recordExport
      .updateMany({
        where: { id: exportId, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'FAILED', error: reason.slice(0, 2000), finishedAt: new Date() },
      })
      .catch((failError: unknown) =>
        this.logger.error({ exportId, err: String(failError) }, 'could not mark export failed'),
      );
  }
}
