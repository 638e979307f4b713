import { Injectable } from '@nestjs/common';
import type { Prisma } from '@svara/database';

type Tx = Prisma.TransactionClient;

export interface ErasedCounts {
  threads: number;
  messages: number;
  /** Contacts removed because no thread referenced them any more. */
  contacts: number;
}

export interface MessagesErased {
  messages: number;
  /** Threads that lost messages and stay. */
  threadsChanged: string[];
  /** Threads deleted because no message was left in them. */
  threadsDeleted: number;
}

/**
 * Removes citizens' data from threads, inside the caller's transaction: the
 * one place that knows which columns hold personal data, shared by retention
 * and GDPR erasure.
 */
@Injectable()
export class ThreadEraser {
  /**
   * Deletes the threads with their messages, escalations and access entries,
   * then the contacts (and their identities) that no other thread references.
   */
  async delete(tx: Tx, threadIds: string[]): Promise<ErasedCounts> {
    if (threadIds.length === 0) return { threads: 0, messages: 0, contacts: 0 };
    const contactIds = await this.contactsOf(tx, threadIds);
    const messages = await tx.message.deleteMany({ where: { threadId: { in: threadIds } } });
    const threads = await tx.thread.deleteMany({ where: { id: { in: threadIds } } });
    const contacts = await this.deleteUnreferencedContacts(tx, contactIds);
    return { threads: threads.count, messages: messages.count, contacts };
  }

  /**
   * Keeps the threads and their messages as statistics (status, times, SLA
   * figures, direction, delivery) and removes every personal datum: texts,
   * subjects, attachments, author names and addresses, the contact link.
   */
  async anonymize(tx: Tx, threadIds: string[], at = new Date()): Promise<ErasedCounts> {
    if (threadIds.length === 0) return { threads: 0, messages: 0, contacts: 0 };
    const contactIds = await this.contactsOf(tx, threadIds);
    const messages = await tx.message.updateMany({
      where: { threadId: { in: threadIds } },
      data: {
        text: '',
        quotedText: null,
        html: null,
        attachments: [],
        authorName: null,
        authorAddress: null,
        deliveryError: null,
        containsIdentityNumber: false,
      },
    });
    const threads = await tx.thread.updateMany({
      where: { id: { in: threadIds } },
      data: {
        subject: null,
        contactId: null,
        containsIdentityNumber: false,
        anonymizedAt: at,
        version: { increment: 1 },
      },
    });
    const contacts = await this.deleteUnreferencedContacts(tx, contactIds);
    return { threads: threads.count, messages: messages.count, contacts };
  }

  /**
   * Deletes single messages from threads that otherwise stay (what one person
   * wrote in someone else's thread), then brings those threads' counters and
   * identity-number flags in line with the messages left. Threads left with no
   * message at all are deleted like any other.
   */
  async deleteMessages(tx: Tx, messageIds: string[]): Promise<MessagesErased> {
    if (messageIds.length === 0) return { messages: 0, threadsChanged: [], threadsDeleted: 0 };
    const threadIds = (
      await tx.message.findMany({
        where: { id: { in: messageIds } },
        select: { threadId: true },
        distinct: ['threadId'],
      })
    ).map((row) => row.threadId);
    const deleted = await tx.message.deleteMany({ where: { id: { in: messageIds } } });
    const emptied = (
      await tx.thread.findMany({
        where: { id: { in: threadIds }, messages: { none: {} } },
        select: { id: true },
      })
    ).map((row) => row.id);
    await this.delete(tx, emptied);
    const changed = threadIds.filter((id) => !emptied.includes(id)).sort();
    if (changed.length > 0) {
      await tx.$executeRaw`
        UPDATE threads t SET
          "messageCount" = m.n,
          "lastMessageAt" = COALESCE(m.last_at, t."lastMessageAt"),
          "lastInboundAt" = m.last_in,
          "containsIdentityNumber" = m.identity_number,
          "version" = t.version + 1,
          "updatedAt" = now()
        FROM (
          SELECT "threadId",
            count(*)::int AS n,
            max("sentAt") FILTER (WHERE direction <> 'NOTE') AS last_at,
            max("sentAt") FILTER (WHERE direction = 'INBOUND' AND NOT automatic) AS last_in,
            bool_or("containsIdentityNumber") AS identity_number
          FROM messages WHERE "threadId" = ANY(${changed}::uuid[]) GROUP BY "threadId"
        ) m
        WHERE t.id = m."threadId"`;
    }
    return { messages: deleted.count, threadsChanged: changed, threadsDeleted: emptied.length };
  }

  private async contactsOf(tx: Tx, threadIds: string[]): Promise<string[]> {
    const rows = await tx.thread.findMany({
      where: { id: { in: threadIds }, contactId: { not: null } },
      select: { contactId: true },
      distinct: ['contactId'],
    });
    return rows.map((row) => row.contactId!);
  }

  private async deleteUnreferencedContacts(tx: Tx, contactIds: string[]): Promise<number> {
    if (contactIds.length === 0) return 0;
    const deleted = await tx.contact.deleteMany({
      where: { id: { in: contactIds }, threads: { none: {} } },
    });
    return deleted.count;
  }
}
