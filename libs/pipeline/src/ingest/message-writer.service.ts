import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { containsIdentityNumber } from '@svara/compliance';
import { type Channel, Prisma, PrismaService } from '@svara/database';
import { ThreadSla } from '@svara/thread-sla';
import type { ContactRef, NormalizedMessage } from '../normalized-message';

type Tx = Prisma.TransactionClient;

export interface Rejection {
  index: number;
  reason: string;
}

/** A thread already known by id, or the external id of the thread to find or open. */
interface ThreadTarget {
  threadId?: string;
  threadExternalId: string;
}

export interface WriteResult {
  inserted: number;
  duplicates: number;
  threadsTouched: number;
  /** Threads that got new messages, for the inbox's live updates. */
  threadIds: string[];
}

// Contacts get ids derived from their first identity, so two batches that meet
// the same new person at the same moment create one contact, not two.
const CONTACT_NAMESPACE = '6f1c2a4e-8d3b-5e7f-9a0b-1c2d3e4f5a6b';

const identityKey = (ref: Pick<ContactRef, 'type' | 'scope' | 'value'>) =>
  `${ref.type}\u0000${ref.scope}\u0000${ref.value}`;

/** Only what citizens send is flagged: agents' own replies are their responsibility. */
const holdsIdentityNumber = (message: NormalizedMessage): boolean =>
  message.direction === 'INBOUND' &&
  [message.subject, message.text, message.quotedText].some(containsIdentityNumber);

function uniqueBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/**
 * Writes normalized messages: contacts and identities, threads, messages and
 * thread counters, and marks the batch done, all in one transaction. Every
 * write is keyed by the source's ids, so replaying a batch changes nothing.
 */
@Injectable()
export class MessageWriter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threadSla: ThreadSla,
  ) {}

  async writeBatch(
    batchId: string,
    channel: Channel,
    messages: NormalizedMessage[],
    rejected: Rejection[],
  ): Promise<WriteResult> {
    return this.prisma.$transaction(
      async (tx) => {
        const contactIds = await this.resolveContacts(tx, messages);
        const threadIds = await this.resolveThreads(tx, channel, messages, contactIds);
        const inserted = await tx.message.createManyAndReturn({
          data: messages.map((message, index) => ({
            threadId: threadIds[index]!,
            channelId: channel.id,
            externalId: message.externalId,
            direction: message.direction,
            authorName: message.authorName,
            authorAddress: message.authorAddress,
            text: message.text,
            quotedText: message.quotedText,
            html: message.html,
            attachments: message.attachments as unknown as Prisma.InputJsonValue,
            automatic: message.automatic,
            containsIdentityNumber: holdsIdentityNumber(message),
            sentAt: message.sentAt,
            deliveryStatus: message.direction === 'OUTBOUND' ? 'SENT' : 'RECEIVED',
          })),
          skipDuplicates: true,
          select: {
            threadId: true,
            direction: true,
            automatic: true,
            sentAt: true,
            containsIdentityNumber: true,
          },
        });
        await this.applyToThreads(tx, inserted);
        // Due times change in the same transaction as the messages that move them.
        await this.threadSla.messagesLanded(tx, inserted);
        await tx.inboundBatch.update({
          where: { id: batchId },
          data: {
            status: 'DONE',
            processedAt: new Date(),
            rejected: rejected as unknown as Prisma.InputJsonValue,
            attempts: { increment: 1 },
            lastError: null,
          },
        });
        const touched = [...new Set(inserted.map((row) => row.threadId))];
        return {
          inserted: inserted.length,
          duplicates: messages.length - inserted.length,
          threadsTouched: touched.length,
          threadIds: touched,
        };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  private async resolveContacts(
    tx: Tx,
    messages: NormalizedMessage[],
  ): Promise<Map<string, string>> {
    const refs = uniqueBy(
      messages.flatMap((message) => (message.contact ? [message.contact] : [])),
      identityKey,
    );
    if (refs.size === 0) return new Map();
    const find = async (keys: ContactRef[]) =>
      tx.contactIdentity.findMany({
        where: { OR: keys.map(({ type, scope, value }) => ({ type, scope, value })) },
        select: { type: true, scope: true, value: true, contactId: true },
      });

    const found = new Map(
      (await find([...refs.values()])).map((row) => [identityKey(row), row.contactId]),
    );
    const missing = [...refs.values()].filter((ref) => !found.has(identityKey(ref)));
    if (missing.length > 0) {
      const withIds = missing.map((ref) => ({
        ref,
        contactId: uuidv5(identityKey(ref), CONTACT_NAMESPACE),
      }));
      await tx.contact.createMany({
        data: withIds.map(({ ref, contactId }) => ({
          id: contactId,
          displayName: ref.displayName,
          email: ref.email,
        })),
        skipDuplicates: true,
      });
      await tx.contactIdentity.createMany({
        data: withIds.map(({ ref, contactId }) => ({
          contactId,
          type: ref.type,
          scope: ref.scope,
          value: ref.value,
          displayName: ref.displayName,
        })),
        skipDuplicates: true,
      });
      for (const row of await find(missing)) found.set(identityKey(row), row.contactId);
    }
    return found;
  }

  /** The thread of each message, in order: found by reference, found by external id, or created. */
  private async resolveThreads(
    tx: Tx,
    channel: Channel,
    messages: NormalizedMessage[],
    contactIds: Map<string, string>,
  ): Promise<string[]> {
    const targets = await this.followReferences(tx, channel, messages);
    // Messages not placed by a reference, under the thread external id they lead to.
    const opening = messages.flatMap((message, index) => {
      const target = targets[index]!;
      return target.threadId ? [] : [{ ...message, threadExternalId: target.threadExternalId }];
    });
    const firstOfThread = uniqueBy(opening, (message) => message.threadExternalId);
    const find = async (externalIds: string[]) =>
      tx.thread.findMany({
        where: { channelId: channel.id, externalId: { in: externalIds } },
        select: { id: true, externalId: true },
      });

    const ids = new Map(
      firstOfThread.size > 0
        ? (await find([...firstOfThread.keys()])).map((row) => [row.externalId, row.id])
        : [],
    );
    const missing = [...firstOfThread.values()].filter(
      (message) => !ids.has(message.threadExternalId),
    );
    if (missing.length > 0) {
      await tx.thread.createMany({
        data: missing.map((message) => ({
          channelId: channel.id,
          externalId: message.threadExternalId,
          contactId: message.contact ? contactIds.get(identityKey(message.contact)) : undefined,
          subject: opening.find((m) => m.threadExternalId === message.threadExternalId && m.subject)
            ?.subject,
          teamId: channel.teamId,
          slaPolicyId: channel.slaPolicyId,
          lastMessageAt: message.sentAt,
          // Automatic mail (auto-replies, bounces) is kept but asks nobody for an answer.
          ...(message.automatic && { status: 'CLOSED' as const, closedAt: message.sentAt }),
        })),
        skipDuplicates: true,
      });
      for (const row of await find(missing.map((message) => message.threadExternalId))) {
        ids.set(row.externalId, row.id);
      }
    }
    return targets.map((target) => target.threadId ?? ids.get(target.threadExternalId)!);
  }

  /**
   * Where each message's references lead: the thread of the first referenced
   * message already stored in the channel or earlier in this batch; otherwise
   * the message's own threadExternalId.
   */
  private async followReferences(
    tx: Tx,
    channel: Channel,
    messages: NormalizedMessage[],
  ): Promise<ThreadTarget[]> {
    const referenced = [...new Set(messages.flatMap((message) => message.references ?? []))];
    const stored = new Map(
      referenced.length > 0
        ? (
            await tx.message.findMany({
              where: { channelId: channel.id, externalId: { in: referenced } },
              select: { externalId: true, threadId: true },
            })
          ).map((row) => [row.externalId, row.threadId])
        : [],
    );
    const inBatch = new Map<string, ThreadTarget>();
    return messages.map((message) => {
      let target: ThreadTarget = { threadExternalId: message.threadExternalId };
      for (const reference of message.references ?? []) {
        const threadId = stored.get(reference);
        const earlier = inBatch.get(reference);
        if (threadId) target = { threadId, threadExternalId: message.threadExternalId };
        else if (earlier) target = earlier;
        else continue;
        break;
      }
      if (!inBatch.has(message.externalId)) inBatch.set(message.externalId, target);
      return target;
    });
  }

  /** Counters and activity times of every thread that got new messages, in one statement. */
  private async applyToThreads(
    tx: Tx,
    inserted: {
      threadId: string;
      direction: string;
      automatic: boolean;
      sentAt: Date;
      containsIdentityNumber: boolean;
    }[],
  ): Promise<void> {
    if (inserted.length === 0) return;
    const byThread = new Map<
      string,
      { n: number; last: Date; lastIn?: Date; lastOut?: Date; identityNumber: boolean }
    >();
    const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
    for (const row of inserted) {
      const entry = byThread.get(row.threadId) ?? {
        n: 0,
        last: row.sentAt,
        identityNumber: false,
      };
      entry.n += 1;
      entry.identityNumber ||= row.containsIdentityNumber;
      entry.last = later(entry.last, row.sentAt);
      if (row.direction === 'INBOUND' && !row.automatic)
        entry.lastIn = later(entry.lastIn, row.sentAt);
      if (row.direction === 'OUTBOUND') entry.lastOut = later(entry.lastOut, row.sentAt);
      byThread.set(row.threadId, entry);
    }
    // Sorted, so concurrent batches lock shared threads in the same order.
    const ids = [...byThread.keys()].sort();
    const rows = ids.map((id) => byThread.get(id)!);
    const iso = (date?: Date) => date?.toISOString() ?? null;
    await tx.$executeRaw`
      UPDATE threads t SET
        "messageCount" = t."messageCount" + d.n,
        "lastMessageAt" = GREATEST(t."lastMessageAt", d.last_at),
        "lastInboundAt" = GREATEST(t."lastInboundAt", d.last_in),
        "lastOutboundAt" = GREATEST(t."lastOutboundAt", d.last_out),
        "status" = CASE
          WHEN d.last_in IS NOT NULL AND (t.status = 'PENDING'
            OR (t.status = 'CLOSED' AND d.last_in > t."closedAt")) THEN 'OPEN'::"ThreadStatus"
          ELSE t.status END,
        "closedAt" = CASE
          WHEN t.status = 'CLOSED' AND d.last_in > t."closedAt" THEN NULL
          ELSE t."closedAt" END,
        "containsIdentityNumber" = t."containsIdentityNumber" OR d.identity_number,
        "version" = t.version + 1,
        "updatedAt" = now()
      FROM unnest(
        ${ids}::uuid[], ${rows.map((r) => r.n)}::int[],
        ${rows.map((r) => iso(r.last))}::timestamptz[],
        ${rows.map((r) => iso(r.lastIn))}::timestamptz[],
        ${rows.map((r) => iso(r.lastOut))}::timestamptz[],
        ${rows.map((r) => r.identityNumber)}::boolean[]
      ) AS d(id, n, last_at, last_in, last_out, identity_number)
      WHERE t.id = d.id`;
  }
}
