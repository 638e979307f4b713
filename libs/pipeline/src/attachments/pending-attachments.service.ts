import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { DurableJobs } from '../queues/durable-jobs';

/** Queues the downloads of PENDING attachments; the recovery sweep queues lost ones again. */
@Injectable()
export class PendingAttachments {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: DurableJobs,
  ) {}

  async enqueue(attachmentIds: string[], correlationId?: string): Promise<void> {
    await this.jobs.enqueueAll(
      'fetch-attachment',
      attachmentIds.map((attachmentId) => ({ attachmentId, correlationId })),
    );
  }

  /** PENDING attachments older than `olderThanMs` whose job is gone, queued again. */
  async requeueStale(olderThanMs: number, limit = 1000): Promise<number> {
    const stale = await this.prisma.messageAttachment.findMany({
      where: { state: 'PENDING', updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
      orderBy: { updatedAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    return this.jobs.requeueLost(
      'fetch-attachment',
      stale.map(({ id }) => ({ attachmentId: id })),
    );
  }
}
