import { Injectable } from '@nestjs/common';
import type { Prisma } from '@svara/database';
import type { InboundMention } from './inbound-mentions';
import { renumberRejections } from './renumber-rejections';

type Tx = Prisma.TransactionClient;

/**
 * Removes raw inbound items (inbound_batches.items) that name a person,
 * inside the caller's transaction: shared by GDPR erasure and retention.
 */
@Injectable()
export class RawItemEraser {
  /**
   * How the people of these threads are named in raw items: their contacts'
   * e-mail addresses and identity values, and the authors' addresses (an
   * e-mail address, a Messenger id, an Instagram username) of the citizens'
   * messages in them. Read before the threads are anonymized or deleted.
   */
  async identifiersOfThreads(tx: Tx, threadIds: string[]): Promise<string[]> {
    if (threadIds.length === 0) return [];
    const rows = await tx.$queryRaw<{ value: string }[]>`
      SELECT DISTINCT m."authorAddress" AS value FROM messages m
      WHERE m."threadId" = ANY(${threadIds}::uuid[]) AND m.direction = 'INBOUND'
        AND m."authorAddress" IS NOT NULL
      UNION
      SELECT c.email FROM threads t JOIN contacts c ON c.id = t."contactId"
      WHERE t.id = ANY(${threadIds}::uuid[]) AND c.email IS NOT NULL
      UNION
      SELECT i.value FROM threads t JOIN contact_identities i ON i."contactId" = t."contactId"
      WHERE t.id = ANY(${threadIds}::uuid[])`;
    return rows.map((row) => row.value);
  }

  /**
   * Batches already stored as messages go whole: they are only raw copies.
   * From batches that failed to ingest only the named items go, so the
   * other items can still be looked at and retried. Batches still waiting
   * for ingest are left alone (the caller decides what they mean).
   */
  async erase(tx: Tx, mentions: InboundMention[]): Promise<void> {
    const done = [...new Set(mentions.filter((m) => m.status === 'DONE').map((m) => m.batchId))];
    if (done.length > 0) await tx.inboundBatch.deleteMany({ where: { id: { in: done } } });

    const failed = new Map<string, Set<number>>();
    for (const mention of mentions.filter((m) => m.status === 'FAILED')) {
      failed.set(mention.batchId, (failed.get(mention.batchId) ?? new Set()).add(mention.index));
    }
    for (const [batchId, indexes] of failed) {
      const batch = await tx.inboundBatch.findUniqueOrThrow({
        where: { id: batchId },
        select: { items: true, rejected: true },
      });
      const items = (batch.items as unknown[]).filter((_item, index) => !indexes.has(index));
      if (items.length === 0) {
        await tx.inboundBatch.delete({ where: { id: batchId } });
        continue;
      }
      await tx.inboundBatch.update({
        where: { id: batchId },
        data: {
          items: items as Prisma.InputJsonValue,
          itemCount: items.length,
          rejected: renumberRejections(batch.rejected, indexes) as Prisma.InputJsonValue,
        },
      });
    }
  }
}
