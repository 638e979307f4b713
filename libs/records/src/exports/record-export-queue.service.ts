import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@svara/common';
import { PrismaService } from '@svara/database';
import { JobQueues, jobId } from '@svara/pipeline';

/** How long a request waits for Redis before leaving the job to the recovery sweep. */
const ENQUEUE_WAIT_MS = 2000;
/** A build that fails this often is marked FAILED (with its reason) for the requester to see. */
export const BUILD_ATTEMPTS = 3;

/**
 * Hands requested exports to the worker. The RecordExport row is stored
 * first, so an export whose job Redis lost is found and queued again.
 */
@Injectable()
export class RecordExportQueue {
  private readonly logger = new Logger(RecordExportQueue.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: JobQueues,
  ) {}

  async enqueue(exportId: string, correlationId?: string): Promise<boolean> {
    try {
      await withTimeout(
        this.queues.add(
          'build-record-package',
          { exportId, correlationId },
          {
            jobId: jobId.buildRecordPackage(exportId),
            attempts: BUILD_ATTEMPTS,
            backoff: { type: 'exponential', delay: 5000 },
          },
        ),
        ENQUEUE_WAIT_MS,
      );
      return true;
    } catch (error) {
      this.logger.warn(
        { exportId, err: (error as Error).message },
        'record export job not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  /**
   * Queues again every export still waiting or running after `olderThanMs`
   * whose job Redis no longer has; jobs that failed while the export is not
   * marked failed are retried. Returns how many were (re)queued.
   */
  async requeueStale(olderThanMs: number, limit = 100): Promise<number> {
    const stale = await this.prisma.recordExport.findMany({
      where: {
        purpose: 'REGISTRATION',
        status: { in: ['QUEUED', 'RUNNING'] },
        createdAt: { lt: new Date(Date.now() - olderThanMs) },
      },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    const queue = this.queues.queue('record-export');
    let requeued = 0;
    for (const { id } of stale) {
      const job = await queue.getJob(jobId.buildRecordPackage(id));
      if (!job) {
        if (await this.enqueue(id)) requeued += 1;
      } else if ((await job.getState()) === 'failed') {
        await job.retry('failed');
        requeued += 1;
      }
    }
    if (requeued > 0) this.logger.log({ requeued }, 'requeued record exports');
    return requeued;
  }
}
