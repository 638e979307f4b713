import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { Prisma, PrismaService, type RetentionRun } from '@svara/database';
import {
  type ErasedCounts,
  findInboundMentions,
  RawItemEraser,
  ThreadEraser,
} from '@svara/erasure';
import { UnreferencedBlobs } from '@svara/pipeline';
import { RecordArchiver } from '@svara/records';
import { dueThreads, type RetentionRule } from '../policies/retention-selection';

/** Threads per transaction: small enough to keep locks short, large enough to be quick. */
const CHUNK = 200;

export interface RetentionProgress {
  done: number;
  total: number;
}

/**
 * Applies one retention run: finds the due threads chunk by chunk and deletes
 * or anonymizes each chunk in a transaction that also counts it on the run,
 * so a crashed run resumes where it stopped and a repeated run takes nothing
 * twice.
 */
@Injectable()
export class RetentionApplier {
  private readonly logger = new Logger(RetentionApplier.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly eraser: ThreadEraser,
    private readonly rawItems: RawItemEraser,
    private readonly archiver: RecordArchiver,
    private readonly audit: AuditTrail,
    private readonly blobs: UnreferencedBlobs,
  ) {}

  async apply(
    runId: string,
    onProgress: (progress: RetentionProgress) => Promise<void> = async () => {},
  ): Promise<RetentionProgress | null> {
    const run = await this.prisma.retentionRun.findUnique({
      where: { id: runId },
      include: { policy: true },
    });
    if (!run || run.status !== 'RUNNING') return null;
    if (!run.policy) {
      await this.fail(runId, 'The policy was deleted before the run could finish');
      return null;
    }
    const rule: RetentionRule = { ...run.policy, action: run.action };
    const due = dueThreads(rule, run.closedBefore);
    const progress = {
      done: run.done,
      total: run.done + (await this.prisma.thread.count({ where: due })),
    };
    await this.prisma.retentionRun.update({
      where: { id: runId },
      data: { total: progress.total },
    });
    await onProgress({ ...progress });

    const erased: Omit<ErasedCounts, 'blobKeys'> = { threads: 0, messages: 0, contacts: 0 };
    const archiveIds: string[] = [];
    let after: string | undefined;
    for (;;) {
      const chunk = await this.prisma.thread.findMany({
        where: { ...due, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: CHUNK,
        select: { id: true },
      });
      if (chunk.length === 0) break;
      after = chunk.at(-1)!.id;
      const ids = chunk.map((thread) => thread.id);
      // The package is stored before anything is deleted: a crash in between
      // archives the chunk twice on resumption, never deletes it unarchived.
      if (run.action === 'ARCHIVE_THEN_DELETE')
        archiveIds.push(await this.archiver.archive(ids, run.id));
      const counts = await this.applyToChunk(run, due, ids);
      await this.blobs.remove(counts.blobKeys);
      erased.threads += counts.threads;
      erased.messages += counts.messages;
      erased.contacts += counts.contacts;
      progress.done += counts.threads;
      await onProgress({ ...progress });
    }

    await this.prisma.$transaction(async (tx) => {
      await tx.retentionRun.update({
        where: { id: runId },
        data: { status: 'DONE', finishedAt: new Date(), total: progress.done },
      });
      await this.audit.record(
        {
          actorId: run.startedById,
          action: 'retention_run.completed',
          entityType: 'retention_run',
          entityId: runId,
          data: {
            policyId: run.policyId,
            policyName: run.policyName,
            action: run.action,
            closedBefore: run.closedBefore.toISOString(),
            threads: progress.done,
            messages: erased.messages,
            contacts: erased.contacts,
            ...(run.action === 'ARCHIVE_THEN_DELETE' ? { archiveIds } : {}),
          },
        },
        tx,
      );
    });
    this.logger.log(
      { runId, policy: run.policyName, action: run.action, ...erased },
      'retention run done',
    );
    return { done: progress.done, total: progress.done };
  }

  async fail(runId: string, reason: string): Promise<void> {
    await this.prisma.retentionRun.updateMany({
      where: { id: runId, status: 'RUNNING' },
      data: { status: 'FAILED', error: reason, finishedAt: new Date() },
    });
  }

  private async applyToChunk(
    run: RetentionRun,
    due: Prisma.ThreadWhereInput,
    ids: string[],
  ): Promise<ErasedCounts> {
    return this.prisma.$transaction(
      async (tx) => {
        // Lock, then look again: an agent may have reopened a thread since it was found.
        await tx.$queryRaw`SELECT 1 FROM threads WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`;
        const stillDue = await tx.thread.findMany({
          where: { ...due, id: { in: ids } },
          select: { id: true },
        });
        const threadIds = stillDue.map((thread) => thread.id);
        // The raw copies of what these threads hold go with them. Only those
        // already stored as messages: a batch still waiting for ingest, or one
        // it gave up on, holds messages these threads do not have yet.
        const mentions = await findInboundMentions(
          tx,
          await this.rawItems.identifiersOfThreads(tx, threadIds),
        );
        await this.rawItems.erase(
          tx,
          mentions.filter((mention) => mention.status === 'DONE'),
        );
        const counts =
          run.action === 'ANONYMIZE'
            ? await this.eraser.anonymize(tx, threadIds)
            : await this.eraser.delete(tx, threadIds);
        await tx.retentionRun.update({
          where: { id: run.id },
          data: { done: { increment: counts.threads } },
        });
        return counts;
      },
      { timeout: 60_000 },
    );
  }
}
