import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { InboxEvents, type JobName, type JobOf } from '@svara/pipeline';

/** What a retry set back on the job's durable row, for the audit entry; null when nothing needed it. */
export type Reopened = { row: string; id: string; from: string; to: string } | null;

type RetryRule<Name extends JobName> = (data: JobOf<Name>) => Promise<Reopened>;

/**
 * Before a failed job runs again, the row it works on must be one its
 * processor will act on: several skip a row their last attempt marked FAILED.
 * One rule per job of the catalogue (the compiler insists), each saying what
 * it resets and why. A row that is not FAILED is left as it is: a row still
 * pending runs as it stands, and one done since is skipped, as it should be.
 */
@Injectable()
export class JobRetryRules {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: InboxEvents,
  ) {}

  private readonly rules: { [Name in JobName]: RetryRule<Name> } = {
    // IngestProcessor skips a batch that is not PENDING; its last attempt parked it FAILED.
    'ingest-batch': async ({ batchId }) => {
      const { count } = await this.prisma.inboundBatch.updateMany({
        where: { id: batchId, status: 'FAILED' },
        data: { status: 'PENDING' },
      });
      return count > 0
        ? { row: 'inbound_batch', id: batchId, from: 'FAILED', to: 'PENDING' }
        : null;
    },
    // No row: a poll reads from the channel's stored cursor (an UNHEALTHY
    // channel stays skipped until an admin repairs it on its channel page).
    'poll-channel': async () => null,
    // SendProcessor sends only a QUEUED reply; a refusal or the last attempt left it FAILED.
    'send-message': async ({ messageId }) => {
      const failed = await this.prisma.message.findFirst({
        where: { id: messageId, direction: 'OUTBOUND', deliveryStatus: 'FAILED' },
        select: { threadId: true },
      });
      if (!failed) return null;
      const { count } = await this.prisma.message.updateMany({
        where: { id: messageId, deliveryStatus: 'FAILED' },
        data: { deliveryStatus: 'QUEUED', deliveryError: null },
      });
      if (count === 0) return null;
      // Open threads show the reply as being sent again.
      await this.events.threadsChanged('message.updated', [failed.threadId], messageId);
      return { row: 'message', id: messageId, from: 'FAILED', to: 'QUEUED' };
    },
    // EscalationProcessor mails a FAILED level again by itself (SENT and SKIPPED ones never).
    'notify-escalation': async () => null,
    // No row: the levels and moves travel in the job, and adding them twice is a no-op.
    'queue-escalations': async () => null,
    // The recomputation request is only marked complete; nothing skips it.
    'recompute-sla': async () => null,
    // RetentionApplier acts only on a RUNNING run; its last attempt marked it FAILED.
    // Chunks already applied are counted on the run, so it resumes where it stopped.
    'apply-retention': async ({ runId }) => {
      const { count } = await this.prisma.retentionRun.updateMany({
        where: { id: runId, status: 'FAILED' },
        data: { status: 'RUNNING', error: null, finishedAt: null },
      });
      return count > 0 ? { row: 'retention_run', id: runId, from: 'FAILED', to: 'RUNNING' } : null;
    },
    // No row: pruning removes whatever is past its keeping time when it runs.
    'prune-expired': async () => null,
    // FetchAttachmentProcessor acts only on a PENDING attachment; one whose
    // attempts ran out was left out with a note and its job completed.
    'fetch-attachment': async () => null,
    // No row: the sweep removes whatever is unreferenced when it runs.
    'sweep-blobs': async () => null,
    // RecordExportProcessor skips a DONE or FAILED export; its last attempt marked it FAILED.
    'build-record-package': async ({ exportId }) => {
      const { count } = await this.prisma.recordExport.updateMany({
        where: { id: exportId, status: 'FAILED' },
        data: { status: 'QUEUED', error: null, finishedAt: null, threadsDone: 0 },
      });
      return count > 0
        ? { row: 'record_export', id: exportId, from: 'FAILED', to: 'QUEUED' }
        : null;
    },
  };

  /** Makes the job's row one its processor will run again; says what it changed. */
  reopen<Name extends JobName>(name: Name, data: JobOf<Name>): Promise<Reopened> {
    return (this.rules[name] as RetryRule<Name>)(data);
  }
}
