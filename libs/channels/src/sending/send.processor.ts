import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { BLOB_STORE, type BlobStore, readBlob } from '@svara/blobs';
import { isUniqueViolation, Prisma, PrismaService } from '@svara/database';
import {
  InboxEvents,
  type JobOf,
  JobWorkers,
  PROVISIONAL_ID_PREFIX,
  RemovedOnSource,
} from '@svara/pipeline';
import { ThreadSla } from '@svara/thread-sla';
import type { OutgoingFile, OutgoingMessage } from '../channel-adapter';
import { ChannelAdapters } from '../channel-adapters.service';
import {
  ChannelAuthFailed,
  ChannelError,
  ChannelRateLimited,
  SendRefused,
  SourceItemGone,
} from '../channel-errors';
import { ChannelHealthRecorder } from '../polling/channel-health';

export type SendOutcome = { externalId: string } | { skipped: string };

/**
 * Sends a QUEUED outbound message on its thread's channel. Temporary errors
 * are retried with backoff; a refusal, or the last failed attempt, leaves the
 * message FAILED with the reason, for the agent to see.
 */
@Injectable()
export class SendProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(SendProcessor.name);

  constructor(
    private readonly workers: JobWorkers,
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly health: ChannelHealthRecorder,
    private readonly events: InboxEvents,
    private readonly threadSla: ThreadSla,
    private readonly removedOnSource: RemovedOnSource,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(
      'outbound',
      { 'send-message': (job, token) => this.send(job, token) },
      { concurrency: 8 },
    );
  }

  async send(job: Job<JobOf<'send-message'>>, token?: string): Promise<SendOutcome> {
    const { messageId } = job.data;
    const message = await this.prisma.message.findUnique({
      where: { id: messageId },
      include: {
        channel: true,
        thread: true,
        storedAttachments: { where: { state: 'STORED' }, orderBy: { n: 'asc' } },
      },
    });
    if (!message || message.direction !== 'OUTBOUND') return { skipped: 'not an outbound message' };
    if (message.deliveryStatus === 'SENT')
      // A retry after the reply went out: make sure its clocks stopped (idempotent).
      await this.threadSla.responseSent(message.threadId, message.sentAt);
    if (message.deliveryStatus !== 'QUEUED')
      return { skipped: `already ${message.deliveryStatus}` };

    try {
      const adapter = this.adapters.get(message.channel.type);
      if (!adapter.send)
        throw new SendRefused(`${message.channel.type} channels cannot send replies`);
      const result = await adapter.send(
        this.adapters.contextOf(message.channel),
        await this.outgoing(message),
      );
      const sentAt = result.sentAt ?? new Date();
      await this.markSent(messageId, result.externalId, sentAt);
      // The reply answers the citizen: the thread's response clocks stop.
      await this.threadSla.responseSent(message.threadId, sentAt);
      await this.events.threadsChanged('message.updated', [message.threadId], messageId);
      return { externalId: result.externalId };
    } catch (error) {
      // Throttled: wait as long as the source asks, without spending an attempt.
      if (error instanceof ChannelRateLimited && token) {
        await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
        throw new DelayedError();
      }
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof ChannelAuthFailed)
        await this.health.authFailed(message.channelId, error);
      const final =
        error instanceof SendRefused ||
        error instanceof ChannelAuthFailed ||
        job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) {
        if (error instanceof SourceItemGone && error.externalId)
          await this.removedOnSource.mark(message.channelId, error.externalId);
        await this.prisma.message.update({
          where: { id: messageId },
          data: { deliveryStatus: 'FAILED', deliveryError: reason.slice(0, 1000) },
        });
        this.logger.warn({ messageId, err: reason }, 'message not sent');
        await this.events.threadsChanged('message.updated', [message.threadId], messageId);
        if (error instanceof ChannelError) throw new UnrecoverableError(reason);
      }
      throw error;
    }
  }

  private async outgoing(
    message: Prisma.MessageGetPayload<{ include: { thread: true; storedAttachments: true } }>,
  ): Promise<OutgoingMessage> {
    const { thread } = message;
    const [lastInbound, history, identities] = await Promise.all([
      this.prisma.message.findFirst({
        where: { threadId: thread.id, direction: 'INBOUND', automatic: false },
        orderBy: { sentAt: 'desc' },
        select: { externalId: true, sentAt: true, authorAddress: true },
      }),
      this.prisma.message.findMany({
        where: { threadId: thread.id, direction: { not: 'NOTE' } },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
        select: { externalId: true },
      }),
      thread.contactId
        ? this.prisma.contactIdentity.findMany({
            where: { contactId: thread.contactId, scope: { in: [message.channelId, 'global'] } },
            orderBy: { createdAt: 'asc' },
          })
        : Promise.resolve([]),
    ]);
    const recipient =
      identities.find((identity) => identity.scope === message.channelId) ?? identities[0] ?? null;
    return {
      messageId: message.id,
      queuedExternalId: message.externalId,
      text: message.text,
      thread: { id: thread.id, externalId: thread.externalId, subject: thread.subject },
      recipient: recipient && {
        type: recipient.type,
        value: recipient.value,
        displayName: recipient.displayName,
      },
      lastInbound,
      threadExternalIds: history
        .map((row) => row.externalId)
        .filter((id) => !id.startsWith(PROVISIONAL_ID_PREFIX)),
      files: message.storedAttachments.map((file): OutgoingFile => ({
        n: file.n,
        filename: file.filename,
        contentType: file.sniffedType ?? file.claimedType,
        size: file.size,
        sentExternalId: file.sentExternalId,
        bytes: () => readBlob(this.blobs, file.sha256!),
      })),
      fileSent: async (n, externalId) => {
        await this.prisma.messageAttachment.update({
          where: { messageId_n: { messageId: message.id, n } },
          data: { sentExternalId: externalId },
        });
      },
    };
  }

  private async markSent(messageId: string, externalId: string, sentAt: Date): Promise<void> {
    const sent = { deliveryStatus: 'SENT' as const, deliveryError: null, sentAt };
    try {
      await this.prisma.message.update({ where: { id: messageId }, data: { ...sent, externalId } });
    } catch (error) {
      // The source's echo of this message was polled first and is stored
      // under the same id; keep ours (it has the author) and note the clash.
      if (!isUniqueViolation(error)) throw error;
      this.logger.warn({ messageId, externalId }, 'sent message was already ingested as an echo');
      await this.prisma.message.update({ where: { id: messageId }, data: sent });
    }
  }
}
