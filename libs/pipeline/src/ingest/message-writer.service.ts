import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { containsIdentityNumber } from '@svara/compliance';
import { SvaraMetrics } from '@svara/metrics';
import {
  assignmentsFrom,
  columnNames,
  inTransaction,
  jsonRow,
  PrismaService,
  recordsetColumns,
  type Sql,
} from '@svara/database';
import {
  advanceSla,
  eventsOfMessages,
  type PolicyWithCalendar,
  settingsOf,
  SLA_COLUMN_TYPES,
  type SlaSettings,
  type SlaThread,
  type ThreadSlaFields,
} from '@svara/thread-sla';
import type { InboxEventTarget } from '../events/inbox-events';
import type { MessageChange, NormalizedMessage } from '../normalized-message';
import { inLockOrder, rowsOf, uniqueBy } from './batch-rows';
import { identityKey, resolveContacts } from './contact-resolution';
import { threadsOfMailboxReplies, withMailboxReplies } from './mailbox-replies';
import { applyMessageChanges } from './message-change-writer';
import { withoutSentFiles } from './sent-file-echoes';
import { openedBy, type StoredMessage, type ThreadActivity, withMessages } from './thread-activity';

export interface Rejection {
  index: number;
  reason: string;
  /** The FAILED batch the item was parked in, to be retried on its own. */
  parkedBatchId?: string;
}

export interface WriteResult {
  inserted: number;
  duplicates: number;
  threadsTouched: number;
  /** Threads that got new messages, for the inbox's live updates. */
  threads: InboxEventTarget[];
  /** Attachments whose bytes are still to be downloaded (fetch-attachment jobs). */
  pendingAttachments: string[];
  /** Threads some of whose messages were edited or removed on the source. */
  changedThreadIds: string[];
}

/** The batch's channel as it is while the batch is written. */
interface ChannelNow {
  type: string;
  teamId: string | null;
  /** The policy of the channel's team, else the channel's own: what a new thread gets. */
  policyId: string | null;
  createdAt: Date;
}

/** A thread that already holds messages, locked for this batch. */
interface KnownThread extends ThreadActivity, SlaThread {
  id: string;
  /** The batch's channel, or a web form whose reply this mailbox sent. */
  channelId: string;
  channelTeamId: string | null;
  externalId: string;
  version: number;
  teamId: string | null;
  assigneeId: string | null;
}

/** A thread this batch opens, with its messages in batch order. */
interface Opening {
  id: string;
  externalId: string;
  messages: NormalizedMessage[];
}

/** A batch's messages, each as stored, by external id. */
type Stored = Map<string, StoredMessage>;

/** Where a batch's messages go. */
interface Placement {
  known: Map<string, KnownThread>;
  openings: Map<string, Opening>;
  /** Each message's thread id, in batch order. */
  threadIds: string[];
}

/** A thread row as ingest writes it: its activity, its SLA fields and its version. */
type ThreadFields = ThreadActivity & ThreadSlaFields & { version: number };
type ThreadWrite = ThreadFields & { id: string };
type ThreadOpen = ThreadWrite & {
  externalId: string;
  contactId: string | undefined;
  subject: string | undefined;
  postText: string | undefined;
  postPermalink: string | undefined;
  postExternalId: string | undefined;
};

const THREAD_FIELDS = {
  version: 'int',
  status: '"ThreadStatus"',
  closedAt: 'timestamptz',
  messageCount: 'int',
  lastMessageAt: 'timestamptz',
  lastInboundAt: 'timestamptz',
  lastOutboundAt: 'timestamptz',
  containsIdentityNumber: 'boolean',
  ...SLA_COLUMN_TYPES,
} satisfies Record<keyof ThreadFields, string>;
const THREAD_WRITE = { id: 'uuid', ...THREAD_FIELDS } satisfies Record<keyof ThreadWrite, string>;
const THREAD_OPEN = {
  ...THREAD_WRITE,
  externalId: 'text',
  contactId: 'uuid',
  subject: 'text',
  postText: 'text',
  postPermalink: 'text',
  postExternalId: 'text',
} satisfies Record<keyof ThreadOpen, string>;

// Each statement takes its rows as one JSON parameter ($1), read by
// json_to_recordset: one value to send and parse however many rows.

const CHANNEL_NOW = `
  SELECT c.type::text AS type, c."teamId", COALESCE(tm."slaPolicyId", c."slaPolicyId") AS "policyId",
    c."createdAt"
  FROM channels c LEFT JOIN teams tm ON tm.id = c."teamId"
  WHERE c.id = $1::uuid`;

/**
 * The channel's threads with these external ids, and the threads with these
 * ids (those of referenced messages: the channel's, or web-form replies the
 * mailbox sent), locked in id order
 * (two batches locking the same threads in different orders would deadlock),
 * and NO KEY UPDATE: a plain FOR UPDATE would also wait for batches storing
 * messages in these threads, whose foreign keys hold key share locks.
 */
const LOCK_THREADS = `
  SELECT t.id, t."channelId", c."teamId" AS "channelTeamId", t."externalId", t.version,
    t."teamId", t."assigneeId", t.status::text AS status,
    t."closedAt", t."messageCount", t."lastMessageAt", t."lastInboundAt", t."lastOutboundAt",
    t."containsIdentityNumber", t."slaClocks", t."firstResponseAt", t."slaStartedAt",
    t."firstResponseMins", t."firstResponseMet",
    COALESCE(tm."slaPolicyId", c."slaPolicyId") AS "effectivePolicyId",
    c."createdAt" AS "channelCreatedAt"
  FROM threads t
  JOIN channels c ON c.id = t."channelId"
  LEFT JOIN teams tm ON tm.id = t."teamId"
  WHERE (t."channelId" = $1::uuid AND t."externalId" = ANY($2::text[])) OR t.id = ANY($3::uuid[])
  ORDER BY t.id
  FOR NO KEY UPDATE OF t`;

const SLA_SETTINGS = `
  SELECT p.id, p."firstResponse", p."nextResponse", p.resolution, p."escalationLevels",
    to_jsonb(cal) AS calendar
  FROM sla_policies p JOIN business_calendars cal ON cal.id = p."calendarId"
  WHERE p.id = ANY($1::uuid[])`;

const REFERENCED_MESSAGES = `
  SELECT "externalId", "threadId" FROM messages
  WHERE "channelId" = $1::uuid AND "externalId" = ANY($2::text[])`;

const OPEN_THREADS = `
  INSERT INTO threads ("channelId", "teamId", "updatedAt", ${columnNames(THREAD_OPEN)})
  SELECT $2::uuid, $3::uuid, now(), ${columnNames(THREAD_OPEN, 'd')}
  FROM json_to_recordset($1::json) AS d(${recordsetColumns(THREAD_OPEN)})
  ON CONFLICT DO NOTHING
  RETURNING id`;

const UPDATE_THREADS = `
  UPDATE threads t SET ${assignmentsFrom('d', THREAD_FIELDS)}, "updatedAt" = now()
  FROM json_to_recordset($1::json) AS d(${recordsetColumns(THREAD_WRITE)})
  WHERE t.id = d.id`;

const INSERT_MESSAGES = `
  INSERT INTO messages (id, "threadId", "channelId", "externalId", direction, "authorName",
    "authorAddress", text, "quotedText", html, attachments, automatic,
    "containsIdentityNumber", "sentAt", "deliveryStatus")
  SELECT gen_random_uuid(), d.thread_id, d.channel_id, d.external_id,
    d.direction::"MessageDirection", d.author_name, d.author_address, d.text, d.quoted_text,
    d.html, d.attachments, d.automatic, d.identity_number, d.sent_at,
    CASE WHEN d.direction = 'OUTBOUND' THEN 'SENT' ELSE 'RECEIVED' END::"DeliveryStatus"
  FROM json_to_recordset($1::json) AS d(thread_id uuid, channel_id uuid, external_id text,
    direction text, author_name text, author_address text, text text, quoted_text text, html text,
    attachments jsonb, automatic boolean, identity_number boolean, sent_at timestamptz)
  ON CONFLICT DO NOTHING
  RETURNING "externalId", id`;

const INSERT_ATTACHMENTS = `
  INSERT INTO message_attachments (id, "messageId", n, filename, "claimedType", "sniffedType",
    size, sha256, state, "leftOutReason", "sourceUrl")
  SELECT gen_random_uuid(), d.message_id, d.n, d.filename, d.claimed_type, d.sniffed_type,
    d.size, d.sha256, d.state::"AttachmentState", d.left_out_reason, d.source_url
  FROM json_to_recordset($1::json) AS d(message_id uuid, n int, filename text, claimed_type text,
    sniffed_type text, size int, sha256 text, state text, left_out_reason text, source_url text)
  RETURNING id, state::text AS state`;

/** What a thread does not yet know of its post (a webhook gives no post text; a poll does). */
const COMPLETE_POSTS = `
  UPDATE threads t SET "postText" = COALESCE(t."postText", d.post_text),
    "postPermalink" = COALESCE(t."postPermalink", d.post_permalink),
    "postExternalId" = COALESCE(t."postExternalId", d.post_id)
  FROM json_to_recordset($1::json) AS d(id uuid, post_text text, post_permalink text,
    post_id text)
  WHERE t.id = d.id AND ((t."postText" IS NULL AND d.post_text IS NOT NULL)
    OR (t."postPermalink" IS NULL AND d.post_permalink IS NOT NULL)
    OR (t."postExternalId" IS NULL AND d.post_id IS NOT NULL))`;

const MARK_BATCH_DONE = `
  UPDATE inbound_batches SET status = 'DONE', "processedAt" = now(), rejected = $2::jsonb,
    attempts = attempts + 1, "lastError" = NULL
  WHERE id = $1::uuid`;

/** Only what citizens send is flagged: agents' own replies are their responsibility. */
const holdsIdentityNumber = (message: NormalizedMessage): boolean =>
  message.direction === 'INBOUND' &&
  [message.subject, message.text, message.quotedText].some(containsIdentityNumber);

/**
 * Writes normalized messages: contacts and identities, threads, messages, and
 * each thread's counters and SLA fields, and marks the batch done, all in one
 * transaction. Every write is keyed by the source's ids, so replaying a batch
 * changes nothing. A thread is written once per batch: opened with its
 * counters and due times, or updated once with both.
 */
@Injectable()
export class MessageWriter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly metrics: SvaraMetrics,
  ) {}

  /** With a null batchId the messages are written and no batch is marked done. */
  async writeBatch(
    batchId: string | null,
    channelId: string,
    batch: NormalizedMessage[],
    rejected: Rejection[],
    changes: MessageChange[] = [],
  ): Promise<WriteResult> {
    // A message twice in one batch is stored once, as its first copy.
    const unique = [...uniqueBy(batch, (message) => message.externalId).values()];
    const asStored: Stored = new Map(
      unique.map((message) => [
        message.externalId,
        {
          direction: message.direction,
          automatic: message.automatic,
          sentAt: message.sentAt,
          containsIdentityNumber: holdsIdentityNumber(message),
        },
      ]),
    );
    const result = await inTransaction(
      this.prisma.pool,
      async (sql) => {
        const now = new Date();
        const [channel] = await rowsOf<ChannelNow>(sql, CHANNEL_NOW, [channelId]);
        if (!channel) throw new Error(`Channel ${channelId} no longer exists`);
        const messages = await withoutSentFiles(sql, channelId, unique);
        const contactIds = await resolveContacts(sql, messages);
        const placement = await this.placeMessages(sql, channelId, messages);
        const settings = new SettingsCache(sql);
        const opened = await this.openThreads(sql, channelId, channel, placement, {
          contactIds,
          asStored,
          settings,
          now,
        });
        const { stored, pendingAttachments } = await this.insertMessages(
          sql,
          channelId,
          messages,
          placement,
          asStored,
        );
        const touched = [
          ...opened.filter((opening) => stored.has(opening.id)),
          ...[...placement.known.values()].filter((thread) => stored.has(thread.id)),
        ];
        await this.updateThreads(sql, channel, placement, opened, stored, { settings, now });
        await this.completePosts(sql, messages, placement);
        // After the inserts: an edit may follow its message in the same batch.
        const changedThreadIds = await applyMessageChanges(sql, channelId, {
          revisions: batch.flatMap((message) =>
            message.revisedAt
              ? [{ externalId: message.externalId, text: message.text, at: message.revisedAt }]
              : [],
          ),
          changes,
        });
        if (batchId) await sql.query(MARK_BATCH_DONE, [batchId, JSON.stringify(rejected)]);

        let inserted = 0;
        for (const rows of stored.values()) inserted += rows.length;
        return {
          channelType: channel.type,
          stored,
          inserted,
          duplicates: batch.length - inserted,
          threadsTouched: touched.length,
          pendingAttachments,
          changedThreadIds,
          threads: touched.map((thread) => ({
            threadId: thread.id,
            teamId: 'teamId' in thread ? thread.teamId : channel.teamId,
            assigneeId: 'assigneeId' in thread ? thread.assigneeId : null,
            channelTeamId: 'channelTeamId' in thread ? thread.channelTeamId : channel.teamId,
          })),
        };
      },
      { statementTimeoutMs: 120_000 },
    );
    const { channelType, stored, ...written } = result;
    this.countIngested(channelType, stored);
    return written;
  }

  /** Counted once the transaction committed: a rolled-back batch stored nothing. */
  private countIngested(channelType: string, stored: Map<string, StoredMessage[]>) {
    const byDirection = new Map<string, number>();
    for (const rows of stored.values()) {
      for (const { direction } of rows)
        byDirection.set(direction, (byDirection.get(direction) ?? 0) + 1);
    }
    for (const [direction, count] of byDirection) {
      this.metrics.messagesIngested.inc({ channel_type: channelType, direction }, count);
    }
  }

  /**
   * Where each message goes: the thread of the first message it references
   * that is stored in the channel or earlier in this batch, else the thread of
   * its threadExternalId, found (and locked) or opened by this batch.
   */
  private async placeMessages(
    sql: Sql,
    channelId: string,
    messages: NormalizedMessage[],
  ): Promise<Placement> {
    const referenced = [...new Set(messages.flatMap((message) => message.references ?? []))];
    const inChannel = new Map(
      referenced.length > 0
        ? (
            await rowsOf<{ externalId: string; threadId: string }>(sql, REFERENCED_MESSAGES, [
              channelId,
              referenced,
            ])
          ).map((row) => [row.externalId, row.threadId])
        : [],
    );
    const storedIn = withMailboxReplies(
      inChannel,
      await threadsOfMailboxReplies(
        sql,
        channelId,
        referenced.filter((reference) => !inChannel.has(reference)),
      ),
    );
    const known = await this.lockThreads(
      sql,
      channelId,
      [...new Set(messages.map((message) => message.threadExternalId))],
      [...new Set(storedIn.values())],
    );
    const byExternalId = new Map([...known.values()].map((thread) => [thread.externalId, thread]));
    const openings = new Map<string, Opening>();
    const openingFor = new Map<string, Opening>();
    const placedIn = new Map<string, string>();

    const threadIds = messages.map((message) => {
      let threadId: string | undefined;
      for (const reference of message.references ?? []) {
        const stored = storedIn.get(reference);
        // A referenced message whose thread went meanwhile leads nowhere.
        threadId = (stored && known.has(stored) ? stored : undefined) ?? placedIn.get(reference);
        if (threadId) break;
      }
      threadId ??= byExternalId.get(message.threadExternalId)?.id;
      if (!threadId) {
        let opening = openingFor.get(message.threadExternalId);
        if (!opening) {
          opening = { id: randomUUID(), externalId: message.threadExternalId, messages: [] };
          openingFor.set(opening.externalId, opening);
          openings.set(opening.id, opening);
        }
        threadId = opening.id;
      }
      openings.get(threadId)?.messages.push(message);
      placedIn.set(message.externalId, threadId);
      return threadId;
    });
    return { known, openings, threadIds };
  }

  private async lockThreads(
    sql: Sql,
    channelId: string,
    externalIds: string[],
    ids: string[] = [],
  ): Promise<Map<string, KnownThread>> {
    const rows = await rowsOf<KnownThread>(sql, LOCK_THREADS, [channelId, externalIds, ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Opens the batch's new threads with their counters and due times as if
   * every message placed in them is stored (nearly always so). A thread
   * another batch opened meanwhile is locked and written as a known thread.
   */
  private async openThreads(
    sql: Sql,
    channelId: string,
    channel: ChannelNow,
    placement: Placement,
    {
      contactIds,
      asStored,
      settings,
      now,
    }: { contactIds: Map<string, string>; asStored: Stored; settings: SettingsCache; now: Date },
  ): Promise<Opening[]> {
    if (placement.openings.size === 0) return [];
    const openings = inLockOrder([...placement.openings.values()], (opening) => opening.externalId);
    await settings.load([channel.policyId]);
    const rows = openings.map((opening) => {
      const contact = opening.messages[0]!.contact;
      const postOf = (part: 'id' | 'text' | 'permalink') =>
        opening.messages.find((message) => message.post?.[part])?.post?.[part];
      const opens: Omit<ThreadOpen, keyof ThreadFields> = {
        id: opening.id,
        externalId: opening.externalId,
        contactId: contact ? contactIds.get(identityKey(contact)) : undefined,
        subject: opening.messages.find((message) => message.subject)?.subject,
        postText: postOf('text'),
        postPermalink: postOf('permalink'),
        postExternalId: postOf('id'),
      };
      const stored = opening.messages.map((message) => asStored.get(message.externalId)!);
      return jsonRow(opens, this.openedWith(opening, stored, channel, settings, now));
    });
    const opened = new Set(
      (
        await rowsOf<{ id: string }>(sql, OPEN_THREADS, [
          JSON.stringify(rows),
          channelId,
          channel.teamId,
        ])
      ).map((row) => row.id),
    );
    const raced = openings.filter((opening) => !opened.has(opening.id));
    if (raced.length > 0) {
      const found = await this.lockThreads(
        sql,
        channelId,
        raced.map((opening) => opening.externalId),
      );
      const byExternalId = new Map(
        [...found.values()].map((thread) => [thread.externalId, thread.id]),
      );
      const movedTo = new Map<string, string>();
      for (const opening of raced) {
        placement.openings.delete(opening.id);
        const threadId = byExternalId.get(opening.externalId);
        if (threadId) movedTo.set(opening.id, threadId);
        else throw new Error(`Thread ${opening.externalId} neither opened nor found`);
      }
      for (const [id, thread] of found) placement.known.set(id, thread);
      placement.threadIds = placement.threadIds.map((id) => movedTo.get(id) ?? id);
    }
    return openings.filter((opening) => opened.has(opening.id));
  }

  /** A new thread's fields once `stored` are in it. */
  private openedWith(
    opening: Opening,
    stored: StoredMessage[],
    channel: ChannelNow,
    settings: SettingsCache,
    now: Date,
  ): ThreadFields {
    const activity = withMessages(openedBy(opening.messages[0]!), stored);
    const sla = advanceSla(
      {
        status: activity.status,
        slaClocks: null,
        effectivePolicyId: channel.policyId,
        channelCreatedAt: channel.createdAt,
        firstResponseAt: null,
        slaStartedAt: null,
        firstResponseMins: null,
        firstResponseMet: null,
      },
      activity.status === 'CLOSED' ? [] : eventsOfMessages(stored),
      settings.loaded,
      now,
    );
    return Object.assign(activity, sla, { version: 1 });
  }

  /**
   * Stores the messages not stored before, and their attachments' rows;
   * returns those messages by thread id, and the attachments still to download.
   */
  private async insertMessages(
    sql: Sql,
    channelId: string,
    messages: NormalizedMessage[],
    { threadIds, known }: Placement,
    asStored: Stored,
  ): Promise<{ stored: Map<string, StoredMessage[]>; pendingAttachments: string[] }> {
    if (messages.length === 0) return { stored: new Map(), pendingAttachments: [] };
    const placed = messages.map((message, index) => ({ message, threadId: threadIds[index]! }));
    const rows = inLockOrder(placed, ({ message }) => message.externalId).map(
      ({ message, threadId }) => ({
        thread_id: threadId,
        // A message belongs to its thread's channel, wherever it came in.
        channel_id: known.get(threadId)?.channelId ?? channelId,
        external_id: message.externalId,
        direction: message.direction,
        author_name: message.authorName,
        author_address: message.authorAddress,
        text: message.text,
        quoted_text: message.quotedText,
        html: message.html,
        attachments: message.attachments,
        automatic: message.automatic,
        identity_number: asStored.get(message.externalId)!.containsIdentityNumber,
        sent_at: message.sentAt.toISOString(),
      }),
    );
    const inserted = new Map(
      (
        await rowsOf<{ externalId: string; id: string }>(sql, INSERT_MESSAGES, [
          JSON.stringify(rows),
        ])
      ).map((row) => [row.externalId, row.id]),
    );
    const pendingAttachments = await this.insertAttachments(sql, messages, inserted);
    const byThread = new Map<string, StoredMessage[]>();
    for (const { message, threadId } of placed) {
      if (!inserted.has(message.externalId)) continue;
      const stored = asStored.get(message.externalId)!;
      const thread = byThread.get(threadId);
      if (thread) thread.push(stored);
      else byThread.set(threadId, [stored]);
    }
    return { stored: byThread, pendingAttachments };
  }

  /** The attachment rows of the messages this batch inserted (a replayed message has its own). */
  private async insertAttachments(
    sql: Sql,
    messages: NormalizedMessage[],
    inserted: Map<string, string>,
  ): Promise<string[]> {
    const rows = messages.flatMap((message) => {
      const messageId = inserted.get(message.externalId);
      if (!messageId) return [];
      return (message.attachmentRows ?? []).map((row) => ({
        message_id: messageId,
        n: row.n,
        filename: row.filename,
        claimed_type: row.claimedType,
        sniffed_type: row.sniffedType,
        size: row.size,
        sha256: row.sha256,
        state: row.state,
        left_out_reason: row.leftOutReason,
        source_url: row.sourceUrl,
      }));
    });
    if (rows.length === 0) return [];
    const written = await rowsOf<{ id: string; state: string }>(sql, INSERT_ATTACHMENTS, [
      JSON.stringify(rows),
    ]);
    return written.filter((row) => row.state === 'PENDING').map((row) => row.id);
  }

  /** Known comment threads learn their post's text and link from the batch, where they lack them. */
  private async completePosts(
    sql: Sql,
    messages: NormalizedMessage[],
    { known, threadIds }: Placement,
  ): Promise<void> {
    const posts = new Map<
      string,
      { id: string; post_text?: string; post_permalink?: string; post_id?: string }
    >();
    messages.forEach((message, index) => {
      const threadId = threadIds[index]!;
      if (!message.post || !known.has(threadId)) return;
      const row = posts.get(threadId) ?? { id: threadId };
      row.post_text ??= message.post.text || undefined;
      row.post_permalink ??= message.post.permalink || undefined;
      row.post_id ??= message.post.id || undefined;
      posts.set(threadId, row);
    });
    if (posts.size === 0) return;
    await sql.query(COMPLETE_POSTS, [JSON.stringify([...posts.values()])]);
  }

  /**
   * Writes the counters and due times of every known thread that got
   * messages, and of the rare opened thread some of whose messages were
   * stored before (in another thread), in one statement.
   */
  private async updateThreads(
    sql: Sql,
    channel: ChannelNow,
    placement: Placement,
    opened: Opening[],
    stored: Map<string, StoredMessage[]>,
    { settings, now }: { settings: SettingsCache; now: Date },
  ): Promise<void> {
    const known = [...placement.known.values()].filter((thread) => stored.has(thread.id));
    const corrected = opened.filter(
      (opening) => (stored.get(opening.id)?.length ?? 0) !== opening.messages.length,
    );
    if (known.length === 0 && corrected.length === 0) return;
    await settings.load(known.map((thread) => thread.effectivePolicyId));
    const rows = [
      ...known.map((thread) => {
        const landed = stored.get(thread.id)!;
        const activity = withMessages(thread, landed);
        const sla = advanceSla(
          { ...thread, status: activity.status },
          // A late copy of an old message on a thread that stays closed changes no clock.
          activity.status === 'CLOSED' ? [] : eventsOfMessages(landed),
          settings.loaded,
          now,
        );
        return jsonRow({ id: thread.id, version: thread.version + 1 }, activity, sla);
      }),
      ...corrected.map((opening) =>
        jsonRow(
          { id: opening.id },
          this.openedWith(opening, stored.get(opening.id) ?? [], channel, settings, now),
        ),
      ),
    ];
    await sql.query(UPDATE_THREADS, [JSON.stringify(rows)]);
  }
}

/** The SLA settings of the policies a batch's threads are under, each read once. */
class SettingsCache {
  readonly loaded: SlaSettings = new Map();

  constructor(private readonly sql: Sql) {}

  async load(policyIds: (string | null)[]): Promise<void> {
    const missing = [
      ...new Set(policyIds.filter((id): id is string => id !== null && !this.loaded.has(id))),
    ];
    if (missing.length === 0) return;
    const rows = await rowsOf<PolicyWithCalendar>(this.sql, SLA_SETTINGS, [missing]);
    for (const [id, settings] of settingsOf(rows)) this.loaded.set(id, settings);
  }
}
