import { Injectable } from '@nestjs/common';
import { NotFound } from '@svara/common';
import type { Contact, ContactIdentity, Prisma } from '@svara/database';
import { findInboundMentions, type InboundMention } from '@svara/erasure';

type Db = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything Svara holds on one contact, as ids: what an export shows and an erasure removes. */
export interface ContactFootprint {
  contact: Contact & { identities: ContactIdentity[] };
  /** Threads with the person (their conversations, submissions, comment threads). */
  threadIds: string[];
  /** Messages of those threads: theirs, the replies to them and the notes on them. */
  threadMessageCount: number;
  /** What the person wrote in other people's threads (replies to someone else's comment, mail). */
  messagesElsewhere: { id: string; threadId: string }[];
  /** Raw inbound items naming them. */
  inbound: InboundMention[];
  /** Record packages (public records) holding their threads. */
  recordPackageIds: string[];
}

/**
 * How the person is named in raw data and as a message's author: their e-mail
 * addresses anywhere, and their channel ids (and Instagram usernames) on the
 * channel those belong to.
 */
function addressesOf(contact: ContactFootprint['contact']) {
  const emails = new Set<string>();
  if (contact.email) emails.add(contact.email.toLowerCase());
  const scoped = new Map<string, Set<string>>();
  for (const identity of contact.identities) {
    if (identity.type === 'EMAIL') {
      emails.add(identity.value.toLowerCase());
      continue;
    }
    // Page- and Instagram-scoped ids are scoped to their channel.
    if (!UUID.test(identity.scope)) continue;
    const addresses = scoped.get(identity.scope) ?? new Set<string>();
    addresses.add(identity.value);
    // Instagram names the author of a comment by username, which is the identity's display name.
    if (identity.type === 'INSTAGRAM_USER' && identity.displayName) {
      addresses.add(identity.displayName);
    }
    scoped.set(identity.scope, addresses);
  }
  return { emails: [...emails], scoped };
}

@Injectable()
export class ContactFootprints {
  async locate(
    db: Db,
    contactId: string,
    { withInboundItems = false } = {},
  ): Promise<ContactFootprint> {
    const contact = await db.contact.findUnique({
      where: { id: contactId },
      include: { identities: { orderBy: { createdAt: 'asc' } } },
    });
    if (!contact) throw new NotFound('Contact');

    const threadIds = (
      await db.thread.findMany({
        where: { contactId },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
      })
    ).map((row) => row.id);
    const { emails, scoped } = addressesOf(contact);
    const [threadMessageCount, messagesElsewhere, inbound, recordPackageIds] = await Promise.all([
      threadIds.length === 0 ? 0 : db.message.count({ where: { threadId: { in: threadIds } } }),
      this.messagesElsewhere(db, threadIds, emails, scoped),
      findInboundMentions(
        db,
        [...emails, ...contact.identities.filter((i) => i.type !== 'EMAIL').map((i) => i.value)],
        { withItems: withInboundItems },
      ),
      this.recordPackages(db, threadIds),
    ]);
    return { contact, threadIds, threadMessageCount, messagesElsewhere, inbound, recordPackageIds };
  }

  private async messagesElsewhere(
    db: Db,
    threadIds: string[],
    emails: string[],
    scoped: Map<string, Set<string>>,
  ) {
    const authoredBy: Prisma.MessageWhereInput[] = [
      ...emails.map((email) => ({
        authorAddress: { equals: email, mode: 'insensitive' as const },
      })),
      ...[...scoped].map(([channelId, addresses]) => ({
        channelId,
        authorAddress: { in: [...addresses] },
      })),
    ];
    if (authoredBy.length === 0) return [];
    return db.message.findMany({
      where: { direction: 'INBOUND', threadId: { notIn: threadIds }, OR: authoredBy },
      select: { id: true, threadId: true },
      orderBy: { sentAt: 'asc' },
    });
  }

  /**
   * Packages that name one of the threads in their selection, or that are a
   * thread's latest package. Packages are never opened here.
   */
  private async recordPackages(db: Db, threadIds: string[]): Promise<string[]> {
    if (threadIds.length === 0) return [];
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM record_exports r
      WHERE r.id IN (
          SELECT "lastRecordExportId" FROM threads
          WHERE id = ANY(${threadIds}::uuid[]) AND "lastRecordExportId" IS NOT NULL)
        OR EXISTS (
          SELECT 1 FROM unnest(${threadIds}::text[]) AS t(id)
          WHERE strpos(r.selection::text, t.id) > 0)
      ORDER BY r."createdAt"`;
    return rows.map((row) => row.id);
  }
}
