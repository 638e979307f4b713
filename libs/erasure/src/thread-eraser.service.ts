import { Injectable } from '@nestjs/common';
import type { Prisma } from '@svara/database';

type Tx = Prisma.TransactionClient;

export interface ErasedCounts {
  threads: number;
  messages: number;
  /** Contacts removed because no thread referenced them any more. */
  contacts: number;
  /** Blob store keys of the attachments removed: drop the unreferenced ones once committed. */
  blobKeys: string[];
}

export interface MessagesErased {
  messages: number;
  /** Threads that lost messages and stay. */
  threadsChanged: string[];
  /** Threads deleted because no message was left in them. */
  threadsDeleted: number;
  /** As in ErasedCounts. */
  blobKeys: string[];
}

/**
 * Removes citizens' data from threads, inside the caller's transaction: the
 * one place that knows which columns hold personal data, shared by retention
 * and GDPR erasure.
 */
@Injectable()
export class ThreadEraser {
  /**
   * Deletes the threads with their messages (and their earlier texts), drafts,
   * escalations and access entries,
   * then the contacts (and their identities) that no other thread references.
   */
  async delete(tx: Tx, threadIds: string[]): Promise<ErasedCounts> {
    if (threadIds.length === 0) return { threads: 0, messages: 0, contacts: 0, blobKeys: [] };
    const contactIds = await this.contactsOf(tx, threadIds);
    // Attachment rows go with their messages by foreign key; their bytes are the caller's.
    const blobKeys = await this.attachmentBlobsOf(tx, { threadId: { in: threadIds } });
    // (Drafts go with their threads by foreign key; said here so no one wonders.)
    await tx.draft.deleteMany({ where: { threadId: { in: threadIds } } });
    const messages = await tx.message.deleteMany({ where: { threadId: { in: threadIds } } });
    const threads = await tx.thread.deleteMany({ where: { id: { in: threadIds } } });
    const contacts = await this.deleteUnreferencedContacts(tx, contactIds);
    return { threads: threads.count, messages: messages.count, contacts, blobKeys };
  }

  /**
   * Keeps the threads and their messages as statistics (status, times, SLA
   * figures, direction, delivery) and removes every personal datum: texts,
   * subjects, attachments, author names and addresses, edited comments'
   * earlier texts, the contact link, and agents' drafts.
   */
  async anonymize(tx: Tx, threadIds: string[], at = new Date()): Promise<ErasedCounts> {
    if (threadIds.length === 0) return { threads: 0, messages: 0, contacts: 0, blobKeys: [] };
    const contactIds = await this.contactsOf(tx, threadIds);
    // The citizen's files (photos, scans) are personal data like the texts.
    const blobKeys = await this.attachmentBlobsOf(tx, { threadId: { in: threadIds } });
    await tx.messageAttachment.deleteMany({ where: { message: { threadId: { in: threadIds } } } });
    // Agents' unsent drafts quote and name the citizen: they go whole.
    await tx.draft.deleteMany({ where: { threadId: { in: threadIds } } });
    // So do the earlier texts of edited comments: only the fact of an edit stays.
    await tx.messageEdit.deleteMany({ where: { message: { threadId: { in: threadIds } } } });
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
        // The post is the account's own, but its subject copy goes too: nothing to join on.
        postText: null,
        postPermalink: null,
        contactId: null,
        containsIdentityNumber: false,
        anonymizedAt: at,
        version: { increment: 1 },
      },
    });
    const contacts = await this.deleteUnreferencedContacts(tx, contactIds);
    return { threads: threads.count, messages: messages.count, contacts, blobKeys };
  }

  /**
   * Deletes single messages from threads that otherwise stay (what one person
   * wrote in someone else's thread), then brings those threads' counters and
   * identity-number flags in line with the messages left. Threads left with no
   * message at all are deleted like any other.
   */
  async deleteMessages(tx: Tx, messageIds: string[]): Promise<MessagesErased> {
    if (messageIds.length === 0) {
      return { messages: 0, threadsChanged: [], threadsDeleted: 0, blobKeys: [] };
    }
    const blobKeys = await this.attachmentBlobsOf(tx, { id: { in: messageIds } });
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
    blobKeys.push(...(await this.delete(tx, emptied)).blobKeys);
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
    return {
      messages: deleted.count,
      threadsChanged: changed,
      threadsDeleted: emptied.length,
      blobKeys,
    };
  }

  /** The blob keys (bytes and thumbnails) of the attachments of these messages. */
  private async attachmentBlobsOf(tx: Tx, messages: Prisma.MessageWhereInput): Promise<string[]> {
    const rows = await tx.messageAttachment.findMany({
      where: { message: messages },
      select: { sha256: true, thumbnailSha256: true },
    });
    return rows
      .flatMap((row) => [row.sha256, row.thumbnailSha256])
      .filter((key): key is string => key !== null);
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
