import { containsIdentityNumber } from '@svara/compliance';
import type { Sql } from '@svara/database';
import type { CommentListing, MessageChange } from '../normalized-message';
import { rowsOf } from './batch-rows';
import {
  absentFromListing,
  decideChanges,
  type Removal,
  type Revision,
  type StoredText,
} from './message-changes';

/** What a batch says of messages told of before. */
export interface ChangesOfBatch {
  /** Messages as the source has them now (an edit's notice); those not stored are new. */
  revisions: Revision[];
  changes: MessageChange[];
}

/** Stored, received or sent messages (not notes, not replies still on their way). */
const ON_SOURCE = `m.direction <> 'NOTE' AND m."deliveryStatus" IN ('SENT', 'RECEIVED')`;

const LOCK_MESSAGES = `
  SELECT m.id, m."threadId", m."externalId", m.text, m."sentAt", m."editedAt", m."removedAt",
    m.direction::text AS direction
  FROM messages m
  WHERE m."channelId" = $1::uuid AND m."externalId" = ANY($2::text[]) AND ${ON_SOURCE}
  ORDER BY m.id
  FOR NO KEY UPDATE OF m`;

const STORED_ON_POSTS = `
  SELECT t."postExternalId" AS "postId", m."externalId", m."sentAt", m."removedAt"
  FROM messages m JOIN threads t ON t.id = m."threadId"
  WHERE t."channelId" = $1::uuid AND t."postExternalId" = ANY($2::text[])
    AND m."removedAt" IS NULL AND ${ON_SOURCE}`;

const RECORD_EDITS = `
  INSERT INTO message_edits (id, "messageId", text, since, "replacedAt")
  SELECT gen_random_uuid(), d.message_id, d.text, d.since, d.replaced_at
  FROM json_to_recordset($1::json) AS d(message_id uuid, text text, since timestamptz,
    replaced_at timestamptz)`;

// The search vector is generated from `text`, so it follows the new text by itself.
const EDIT_MESSAGES = `
  UPDATE messages m SET text = d.text, "editedAt" = d.edited_at,
    "containsIdentityNumber" = m."containsIdentityNumber" OR d.identity_number
  FROM json_to_recordset($1::json) AS d(id uuid, text text, edited_at timestamptz,
    identity_number boolean)
  WHERE m.id = d.id`;

const REMOVE_MESSAGES = `
  UPDATE messages m SET "removedAt" = d.removed_at
  FROM json_to_recordset($1::json) AS d(id uuid, removed_at timestamptz)
  WHERE m.id = d.id AND m."removedAt" IS NULL`;

const TOUCH_THREADS = `
  UPDATE threads t SET version = t.version + 1, "updatedAt" = now(),
    "containsIdentityNumber" = t."containsIdentityNumber" OR EXISTS (
      SELECT 1 FROM messages m WHERE m."threadId" = t.id AND m."containsIdentityNumber")
  WHERE t.id = ANY($1::uuid[])`;

/**
 * Applies a batch's edits and removals to the messages stored in the channel,
 * inside the batch's transaction: an edit keeps the text it replaces in
 * message_edits; a removal marks the message, which stays for the record.
 * Returns the threads whose messages changed.
 */
export async function applyMessageChanges(
  sql: Sql,
  channelId: string,
  { revisions, changes }: ChangesOfBatch,
): Promise<string[]> {
  const listings = changes.filter((change): change is CommentListing => change.change === 'listed');
  const removals: Removal[] = changes.flatMap((change) =>
    change.change === 'removed' ? [{ externalId: change.externalId, at: change.at }] : [],
  );
  const allRevisions = [
    ...revisions,
    ...listings.flatMap((listing) =>
      listing.seen.map((comment) => ({ ...comment, at: listing.readAt })),
    ),
  ];
  removals.push(...(await absentFromListings(sql, channelId, listings)));
  const externalIds = [
    ...new Set([...allRevisions, ...removals].map((change) => change.externalId)),
  ];
  if (externalIds.length === 0) return [];

  const stored = await rowsOf<StoredText & { direction: string }>(sql, LOCK_MESSAGES, [
    channelId,
    externalIds,
  ]);
  if (stored.length === 0) return [];
  const inbound = new Set(stored.filter((m) => m.direction === 'INBOUND').map((m) => m.id));
  const { edits, removals: removed } = decideChanges(stored, allRevisions, removals);

  if (edits.length > 0) {
    await sql.query(RECORD_EDITS, [
      JSON.stringify(
        edits.map((edit) => ({
          message_id: edit.messageId,
          text: edit.earlierText,
          since: edit.since,
          replaced_at: edit.replacedAt,
        })),
      ),
    ]);
    // One row per message: its last edit of the batch, flagged if any of its texts holds a number.
    const latest = new Map<
      string,
      { id: string; text: string; edited_at: Date; identity_number: boolean }
    >();
    for (const edit of edits) {
      const flagged = inbound.has(edit.messageId) && containsIdentityNumber(edit.text);
      latest.set(edit.messageId, {
        id: edit.messageId,
        text: edit.text,
        edited_at: edit.replacedAt,
        identity_number: flagged || (latest.get(edit.messageId)?.identity_number ?? false),
      });
    }
    await sql.query(EDIT_MESSAGES, [JSON.stringify([...latest.values()])]);
  }
  if (removed.length > 0) {
    await sql.query(REMOVE_MESSAGES, [
      JSON.stringify(removed.map((removal) => ({ id: removal.messageId, removed_at: removal.at }))),
    ]);
  }
  const threadIds = [...new Set([...edits, ...removed].map((change) => change.threadId))].sort();
  if (threadIds.length > 0) await sql.query(TOUCH_THREADS, [threadIds]);
  return threadIds;
}

async function absentFromListings(
  sql: Sql,
  channelId: string,
  listings: CommentListing[],
): Promise<Removal[]> {
  if (listings.length === 0) return [];
  const rows = await rowsOf<{
    postId: string;
    externalId: string;
    sentAt: Date;
    removedAt: Date | null;
  }>(sql, STORED_ON_POSTS, [channelId, [...new Set(listings.map((l) => l.postId))]]);
  return listings.flatMap((listing) =>
    absentFromListing(
      listing,
      rows.filter((row) => row.postId === listing.postId),
    ),
  );
}
