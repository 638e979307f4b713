import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { BLOB_STORE, type BlobStore } from '@svara/blobs';
import { AppConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { InboxEvents } from '../events/inbox-events';
import type { JobOf } from '../job-catalogue';
import { JobWorkers } from '../queues/job-workers.service';
import { admit, type LeftOutReason } from './attachment-limits';
import { BlobSweep } from './blob-sweep.service';
import { attachmentDownload, type Download, DownloadRefused } from './download';
import { sniffType } from './sniff-type';

export type FetchOutcome = { stored: string } | { leftOut: LeftOutReason } | { skipped: string };

/**
 * Downloads a PENDING attachment (Meta's URLs expire: this runs right after
 * ingest) into the blob store, by the same limits as mail attachments. A
 * source that keeps failing leaves the attachment out with a note once the
 * job's attempts are spent; the message was stored all along. The daily
 * sweep of unreferenced blobs shares the queue.
 */
@Injectable()
export class FetchAttachmentProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(FetchAttachmentProcessor.name);
  private readonly download: Download;

  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly events: InboxEvents,
    private readonly blobSweep: BlobSweep,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {
    this.download = attachmentDownload(config.attachmentLimits.privateNetworksAllowed);
  }

  onApplicationBootstrap(): void {
    this.workers.start(
      'attachments',
      {
        'fetch-attachment': (job) => this.fetch(job),
        'sweep-blobs': () => this.blobSweep.sweep(),
      },
      { concurrency: 4 },
    );
  }

  async fetch(job: Job<JobOf<'fetch-attachment'>>): Promise<FetchOutcome> {
    const { attachmentId, correlationId } = job.data;
    const attachment = await this.prisma.messageAttachment.findUnique({
      where: { id: attachmentId },
      include: { message: { select: { threadId: true } } },
    });
    if (!attachment) return { skipped: 'attachment no longer exists' };
    if (attachment.state !== 'PENDING' || !attachment.sourceUrl)
      return { skipped: `attachment is ${attachment.state}` };
    const limits = this.config.attachmentLimits;
    let bytes: Uint8Array;
    try {
      bytes = await this.download(attachment.sourceUrl, limits.maxFileBytes);
    } catch (error) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!(error instanceof DownloadRefused) && !lastAttempt) throw error;
      const reason = error instanceof DownloadRefused ? error.reason : 'download-failed';
      this.logger.warn(
        { attachmentId, correlationId, reason, err: (error as Error).message },
        'attachment left out',
      );
      return this.leaveOut(attachment.id, attachment.message.threadId, reason);
    }
    const sniffedType = sniffType(bytes, attachment.claimedType);
    const stored = await this.prisma.messageAttachment.aggregate({
      where: { messageId: attachment.messageId, state: 'STORED' },
      _sum: { size: true },
    });
    const admission = admit({ size: bytes.byteLength, sniffedType }, stored._sum.size ?? 0, limits);
    if (!admission.admit)
      return this.leaveOut(attachment.id, attachment.message.threadId, admission.reason, {
        size: bytes.byteLength,
        sniffedType,
      });
    const sha256 = await this.blobs.put(bytes);
    await this.prisma.messageAttachment.updateMany({
      where: { id: attachment.id, state: 'PENDING' },
      data: { state: 'STORED', sha256, sniffedType, size: bytes.byteLength, sourceUrl: null },
    });
    await this.events.threadsChanged(
      'message.updated',
      [attachment.message.threadId],
      attachment.messageId,
    );
    return { stored: sha256 };
  }

  private async leaveOut(
    id: string,
    threadId: string,
    reason: LeftOutReason,
    seen: { size?: number; sniffedType?: string } = {},
  ): Promise<FetchOutcome> {
    await this.prisma.messageAttachment.updateMany({
      where: { id, state: 'PENDING' },
      data: { state: 'LEFT_OUT', leftOutReason: reason, sourceUrl: null, ...seen },
    });
    await this.events.threadsChanged('thread.updated', [threadId]);
    return { leftOut: reason };
  }
}
