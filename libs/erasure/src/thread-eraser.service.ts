import { Injectable } from '@nestjs/common';
import type { Prisma } from '@svara/database';

type Tx = Prisma.TransactionClient;

export interface ErasedCounts {
  threads: number;
  messages: number;
  /** Contacts removed because no thread referenced them any more. */
  contacts: number;
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
