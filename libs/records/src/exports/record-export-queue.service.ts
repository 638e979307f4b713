import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { DurableJobs } from '@svara/pipeline';

/**
 * Hands requested exports to the worker. The RecordExport row is stored
 * first, so an export whose job Redis lost is found and queued again.
 */
@Injectable()
export class RecordExportQueue {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  enqueue(exportId: string, correlationId?: string): Promise<boolean> {
    return this.jobs.enqueue('build-record-package', { exportId, correlationId });
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
    return this.jobs.requeueLost(
      'build-record-package',
      stale.map(({ id }) => ({ exportId: id })),
    );
  }
}
