import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { Conflict, NotFound } from '@svara/common';
import { Prisma, PrismaService } from '@svara/database';
import { RawItemEraser, ThreadEraser } from '@svara/erasure';
import { InboxEvents, UnreferencedBlobs } from '@svara/pipeline';
import { type ContactFootprint, ContactFootprints } from './contact-footprints.service';
import { ErasureConfirmations } from './erasure-confirmations.service';

type Tx = Prisma.TransactionClient;

/** What an erasure removes, in counts only: no name, address or id of the person. */
export interface ErasureCounts {
  threads: number;
  /** Messages of their threads (theirs, the replies to them, notes). */
  messages: number;
  /** What they wrote in other people's threads. */
  messagesInOtherThreads: number;
  identities: number;
  /** Raw inbound batches (already stored as messages) that named them. */
  inboundBatches: number;
  /** Their items in batches that failed to ingest; the batches' other items stay. */
  inboundItems: number;
}

export interface KeptRecords {
  recordPackages: number;
  reason: string;
}

const KEPT_REASON =
  'Record packages are public records the municipality must keep by law ' +
  '(GDPR art. 17(3)(b)); erasure does not change them.';

const kept = (footprint: ContactFootprint): KeptRecords => ({
  recordPackages: footprint.recordPackageIds.length,
  reason: KEPT_REASON,
});

function countsOf(footprint: ContactFootprint): ErasureCounts {
  const settled = footprint.inbound.filter((mention) => mention.status === 'DONE');
  const failed = footprint.inbound.filter((mention) => mention.status === 'FAILED');
  return {
    threads: footprint.threadIds.length,
    messages: footprint.threadMessageCount,
    messagesInOtherThreads: footprint.messagesElsewhere.length,
    identities: footprint.contact.identities.length,
    inboundBatches: new Set(settled.map((mention) => mention.batchId)).size,
    inboundItems: failed.length,
  };
}

const batchesBeingIngested = (footprint: ContactFootprint) =>
  new Set(footprint.inbound.filter((m) => m.status === 'PENDING').map((m) => m.batchId)).size;

class StillIngesting extends Conflict {
  constructor(batches: number) {
    super(
      `Messages from this person are still being stored (${batches} inbound batch(es) waiting ` +
        'for ingest); erasing now would miss them. Nothing was erased: confirm again in a few ' +
        'seconds with the same token.',
    );
  }
}

/**
 * GDPR erasure of one contact, in two steps: a request that says what will go
 * and hands the admin a confirmation token, and the confirmation that erases
 * it all in one transaction, with one audit entry holding counts only.
 */
@Injectable()
export class ContactErasure {
  private readonly logger = new Logger(ContactErasure.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly footprints: ContactFootprints,
    private readonly confirmations: ErasureConfirmations,
    private readonly eraser: ThreadEraser,
    private readonly blobs: UnreferencedBlobs,
    private readonly rawItems: RawItemEraser,
    private readonly audit: AuditTrail,
    private readonly events: InboxEvents,
  ) {}

  async request(contactId: string, adminId: string) {
    const footprint = await this.footprints.locate(this.prisma, contactId);
    const pending = batchesBeingIngested(footprint);
    const { token, expiresAt } = await this.confirmations.issue(contactId, adminId);
    return {
      confirmationToken: token,
      expiresAt,
      summary: countsOf(footprint),
      kept: kept(footprint),
      ...(pending > 0 && {
        inboundBatchesBeingIngested: pending,
        note: 'Some of their messages are still being stored; confirming answers 409 until they are.',
      }),
    };
  }

  async confirm(contactId: string, adminId: string, token: string) {
    const confirmation = await this.confirmations.consume(contactId, adminId, token);
    let result: {
      erasureId: string;
      erased: ErasureCounts;
      kept: KeptRecords;
      changed: string[];
      blobKeys: string[];
    };
    try {
      result = await this.prisma.$transaction((tx) => this.erase(tx, contactId, adminId), {
        timeout: 120_000,
        maxWait: 30_000,
      });
    } catch (error) {
      // Nothing was erased: the same token may be used again while it is valid.
      if (!(error instanceof NotFound)) await confirmation.restore();
      throw error;
    }
    // Once committed: the files' bytes, unless another message holds the same.
    await this.blobs.remove(result.blobKeys);
    this.logger.log({ erasureId: result.erasureId, ...result.erased }, 'contact erased');
    await this.events.threadsChanged('thread.updated', result.changed);
    return { erasureId: result.erasureId, erased: result.erased, kept: result.kept };
  }

  private async erase(tx: Tx, contactId: string, adminId: string) {
    // Two confirmations for one contact take turns.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM contacts WHERE id = ${contactId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFound('Contact');
    const footprint = await this.footprints.locate(tx, contactId);
    const pending = batchesBeingIngested(footprint);
    if (pending > 0) throw new StillIngesting(pending);

    const counts = countsOf(footprint);
    const ownThreads = await this.eraser.delete(tx, footprint.threadIds);
    const elsewhere = await this.eraser.deleteMessages(
      tx,
      footprint.messagesElsewhere.map((message) => message.id),
    );
    await tx.contact.deleteMany({ where: { id: contactId } });
    await this.rawItems.erase(tx, footprint.inbound);

    const erasureId = randomUUID();
    const erased: ErasureCounts = {
      ...counts,
      threads: ownThreads.threads,
      messages: ownThreads.messages,
      messagesInOtherThreads: elsewhere.messages,
    };
    // The contact's id is derived from its first identity (an address or a
    // channel id), so entries about the contact move to the erasure's random id.
    await tx.auditLog.updateMany({
      where: { entityType: 'contact', entityId: contactId },
      data: { entityId: erasureId },
    });
    await this.audit.record(
      {
        actorId: adminId,
        action: 'contact.erased',
        entityType: 'contact',
        entityId: erasureId,
        data: { ...erased, recordPackagesKept: footprint.recordPackageIds.length },
      },
      tx,
    );
    return {
      erasureId,
      erased,
      kept: kept(footprint),
      changed: elsewhere.threadsChanged,
      blobKeys: [...ownThreads.blobKeys, ...elsewhere.blobKeys],
    };
  }
}
