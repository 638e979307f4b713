import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { containsIdentityNumber } from '@svara/compliance';
import { type Channel, Prisma, PrismaService } from '@svara/database';
import { ThreadSla } from '@svara/thread-sla';
import type { InboxEventTarget } from '../events/inbox-events';
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
  threads: InboxEventTarget[];
}

/** A stored message, as far as thread counters and SLA clocks care. */
interface InsertedMessage {
  threadId: string;
  direction: string;
  automatic: boolean;
  sentAt: Date;
  containsIdentityNumber: boolean;
}

type TouchedThread = Omit<InboxEventTarget, 'channelTeamId'>;

type IdentityRow = Pick<ContactRef, 'type' | 'scope' | 'value'> & { contactId: string };

// Contacts get ids derived from their first identity, so two batches that meet
// the same new person at the same moment create one contact, not two.
const CONTACT_NAMESPACE = '6f1c2a4e-8d3b-5e7f-9a0b-1c2d3e4f5a6b';

const identityKey = (ref: Pick<ContactRef, 'type' | 'scope' | 'value'>) =>
  `${ref.type}\u0000${ref.scope}\u0000${ref.value}`;

/** Only what citizens send is flagged: agents' own replies are their responsibility. */
const holdsIdentityNumber = (message: NormalizedMessage): boolean =>
  message.direction === 'INBOUND' &&
  [message.subject, message.text, message.quotedText].some(containsIdentityNumber);

/**
 * Rows sorted by their unique key. Two transactions inserting the same new
 * keys wait for each other key by key; in one order for all, neither can hold
 * a key the other has already passed, so concurrent batches never deadlock.
 */
function inLockOrder<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Rows for `json_to_recordset(…)`: one JSON text, so a batch is one query
 * parameter, not one per value. Dates become ISO instants; absent values null.
 */
function rowsOf<T>(items: T[], row: (item: T) => Record<string, unknown>): Prisma.Sql {
  return Prisma.sql`${JSON.stringify(items.map(row))}::json`;
}

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
        const inserted = await this.insertMessages(tx, channel, messages, threadIds);
        const threads = await this.applyToThreads(tx, inserted);
        // Due times change in the same transaction as the messages that move them.
        await this.threadSla.messagesLanded(tx, inserted);
        await tx.$executeRaw`
          UPDATE inbound_batches SET status = 'DONE', "processedAt" = now(),
            rejected = ${JSON.stringify(rejected)}::jsonb, attempts = attempts + 1, "lastError" = NULL
          WHERE id = ${batchId}::uuid`;
        return {
          inserted: inserted.length,
          duplicates: messages.length - inserted.length,
          threadsTouched: threads.length,
          threads: threads.map((thread) => ({ ...thread, channelTeamId: channel.teamId })),
        };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  // The statements below take their rows as one JSON parameter (see `rowsOf`)
  // rather than through Prisma's createMany and findMany: building those per
  // row and value cost more CPU and memory than the rest of ingest together.

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
      tx.$queryRaw<IdentityRow[]>`
        SELECT i.type::text AS type, i.scope, i.value, i."contactId"
        FROM contact_identities i
        JOIN json_to_recordset(${rowsOf(keys, ({ type, scope, value }) => ({ type, scope, value }))})
          AS k(type text, scope text, value text)
          ON i.type = k.type::"IdentityType" AND i.scope = k.scope AND i.value = k.value`;

    const found = new Map(
      (await find([...refs.values()])).map((row) => [identityKey(row), row.contactId]),
    );
    const missing = [...refs.values()].filter((ref) => !found.has(identityKey(ref)));
    if (missing.length > 0) {
      const withIds = inLockOrder(
        missing.map((ref) => ({ ref, contactId: uuidv5(identityKey(ref), CONTACT_NAMESPACE) })),
        ({ contactId }) => contactId,
      );
      const rows = rowsOf(withIds, ({ ref, contactId }) => ({
        contact_id: contactId,
        type: ref.type,
        scope: ref.scope,
        value: ref.value,
        name: ref.displayName,
        email: ref.email,
      }));
      // A contact and its identity in one statement (the identity's key check
      // runs at its end, when the contact is there).
      const created = await tx.$queryRaw<IdentityRow[]>`
        WITH d AS (
          SELECT * FROM json_to_recordset(${rows}) AS d(contact_id uuid, type text, scope text,
            value text, name text, email text)
        ), contact AS (
          INSERT INTO contacts (id, "displayName", email, "updatedAt")
          SELECT contact_id, name, email, now() FROM d
          ON CONFLICT DO NOTHING
        )
        INSERT INTO contact_identities (id, "contactId", type, scope, value, "displayName")
        SELECT gen_random_uuid(), contact_id, type::"IdentityType", scope, value, name FROM d
        ON CONFLICT DO NOTHING
        RETURNING type::text AS type, scope, value, "contactId"`;
      for (const row of created) found.set(identityKey(row), row.contactId);
      // Created meanwhile by a batch that committed first.
      const raced = missing.filter((ref) => !found.has(identityKey(ref)));
      if (raced.length > 0) {
        for (const row of await find(raced)) found.set(identityKey(row), row.contactId);
      }
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
    const firstOfThread = inLockOrder(
      [...uniqueBy(opening, (message) => message.threadExternalId).values()],
      (message) => message.threadExternalId,
    );
    const ids = new Map<string, string>();
    if (firstOfThread.length > 0) {
      const subjects = new Map<string, string>();
      for (const message of opening) {
        if (message.subject && !subjects.has(message.threadExternalId))
          subjects.set(message.threadExternalId, message.subject);
      }
      const rows = rowsOf(firstOfThread, (message) => ({
        external_id: message.threadExternalId,
        contact_id: message.contact ? contactIds.get(identityKey(message.contact)) : undefined,
        subject: subjects.get(message.threadExternalId),
        last_message_at: message.sentAt,
        // Automatic mail (auto-replies, bounces) is kept but asks nobody for an answer.
        closed_at: message.automatic ? message.sentAt : undefined,
      }));
      // Opens the threads not there yet and finds those that are, in one statement.
      const threads = await tx.$queryRaw<{ id: string; externalId: string }[]>`
        WITH d AS (
          SELECT * FROM json_to_recordset(${rows}) AS d(external_id text, contact_id uuid,
            subject text, last_message_at timestamptz, closed_at timestamptz)
        ), created AS (
          INSERT INTO threads (id, "channelId", "externalId", "contactId", subject, "teamId",
            "slaPolicyId", "lastMessageAt", status, "closedAt", "updatedAt")
          SELECT gen_random_uuid(), ${channel.id}::uuid, external_id, contact_id, subject,
            ${channel.teamId}::uuid, ${channel.slaPolicyId}::uuid, last_message_at,
            CASE WHEN closed_at IS NULL THEN 'OPEN' ELSE 'CLOSED' END::"ThreadStatus",
            closed_at, now()
          FROM d
          ON CONFLICT DO NOTHING
          RETURNING id, "externalId"
        )
        SELECT id, "externalId" FROM created
        UNION ALL
        SELECT t.id, t."externalId" FROM threads t JOIN d
          ON t."channelId" = ${channel.id}::uuid AND t."externalId" = d.external_id`;
      for (const row of threads) ids.set(row.externalId, row.id);
      // Opened meanwhile by a batch that committed after this statement began.
      const raced = firstOfThread.filter((message) => !ids.has(message.threadExternalId));
      if (raced.length > 0) {
        const found = await tx.$queryRaw<{ id: string; externalId: string }[]>`
          SELECT id, "externalId" FROM threads WHERE "channelId" = ${channel.id}::uuid
            AND "externalId" = ANY(${raced.map((message) => message.threadExternalId)}::text[])`;
        for (const row of found) ids.set(row.externalId, row.id);
      }
    }
    return targets.map((target) => target.threadId ?? ids.get(target.threadExternalId)!);
  }

  /** Stores the messages not stored before, and returns those. */
  private async insertMessages(
    tx: Tx,
    channel: Channel,
    messages: NormalizedMessage[],
    threadIds: string[],
  ): Promise<InsertedMessage[]> {
    if (messages.length === 0) return [];
    const rows = rowsOf(
      inLockOrder(
        messages.map((message, index) => ({ message, threadId: threadIds[index]! })),
        ({ message }) => message.externalId,
      ),
      ({ message, threadId }) => ({
        thread_id: threadId,
        external_id: message.externalId,
        direction: message.direction,
        author_name: message.authorName,
        author_address: message.authorAddress,
        text: message.text,
        quoted_text: message.quotedText,
        html: message.html,
        attachments: message.attachments,
        automatic: message.automatic,
        identity_number: holdsIdentityNumber(message),
        sent_at: message.sentAt,
      }),
    );
    return tx.$queryRaw<InsertedMessage[]>`
      INSERT INTO messages (id, "threadId", "channelId", "externalId", direction, "authorName",
        "authorAddress", text, "quotedText", html, attachments, automatic,
        "containsIdentityNumber", "sentAt", "deliveryStatus")
      SELECT gen_random_uuid(), d.thread_id, ${channel.id}::uuid, d.external_id,
        d.direction::"MessageDirection", d.author_name, d.author_address, d.text, d.quoted_text,
        d.html, d.attachments, d.automatic, d.identity_number, d.sent_at,
        CASE WHEN d.direction = 'OUTBOUND' THEN 'SENT' ELSE 'RECEIVED' END::"DeliveryStatus"
      FROM json_to_recordset(${rows}) AS d(thread_id uuid, external_id text, direction text,
        author_name text, author_address text, text text, quoted_text text, html text,
        attachments jsonb, automatic boolean, identity_number boolean, sent_at timestamptz)
      ON CONFLICT DO NOTHING
      RETURNING "threadId", direction::text AS direction, automatic, "sentAt",
        "containsIdentityNumber"`;
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
  private async applyToThreads(tx: Tx, inserted: InsertedMessage[]): Promise<TouchedThread[]> {
    if (inserted.length === 0) return [];
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
    const rows = rowsOf([...byThread.keys()], (id) => {
      const entry = byThread.get(id)!;
      return {
        id,
        n: entry.n,
        last_at: entry.last,
        last_in: entry.lastIn,
        last_out: entry.lastOut,
        identity_number: entry.identityNumber,
      };
    });
    // The rows are locked in id order first: an UPDATE locks them in whatever
    // order its plan meets them, and two batches updating the same threads in
    // different orders would deadlock.
    return tx.$queryRaw<TouchedThread[]>`
      WITH d AS MATERIALIZED (
        SELECT * FROM json_to_recordset(${rows}) AS d(id uuid, n int, last_at timestamptz,
          last_in timestamptz, last_out timestamptz, identity_number boolean)
      ), locked AS MATERIALIZED (
        SELECT t.id FROM threads t JOIN d ON t.id = d.id ORDER BY t.id FOR NO KEY UPDATE OF t
      )
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
      FROM d JOIN locked ON locked.id = d.id
      WHERE t.id = d.id
      RETURNING t.id AS "threadId", t."teamId", t."assigneeId"`;
  }
}
