import type { Sql } from '@svara/database';
import { rowsOf } from './batch-rows';

/**
 * Replies sent from this mailbox on web forms' threads: the web forms that
 * name it as the mailbox they answer through (config.replyChannelId), and of
 * their messages only the replies, since only those went out with this
 * mailbox's Message-IDs and thread tokens.
 */
const MAILBOX_REPLIES = `
  SELECT m."externalId", m."threadId" FROM messages m
  WHERE m."channelId" IN (
      SELECT id FROM channels WHERE type = 'WEB_FORM' AND config->>'replyChannelId' = $1::text)
    AND m."externalId" = ANY($2::text[]) AND m.direction = 'OUTBOUND'`;

/**
 * The threads of web forms' replies that these references (In-Reply-To,
 * References, the subject's thread token) point to, when the mail came into
 * the mailbox those replies were sent from: the citizen's answer goes back
 * into the form's thread. A reference to anything else, another mailbox's
 * reply or a token no reply carries, finds nothing here.
 */
export async function threadsOfMailboxReplies(
  sql: Sql,
  mailboxChannelId: string,
  references: string[],
): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const rows = await rowsOf<{ externalId: string; threadId: string }>(sql, MAILBOX_REPLIES, [
    mailboxChannelId,
    references,
  ]);
  return new Map(rows.map((row) => [row.externalId, row.threadId]));
}

/**
 * Where references not stored in the batch's own channel are looked up
 * next. Each reference decides as before, nearest first: found in the
 * channel, else among the mailbox's web-form replies.
 */
export function withMailboxReplies(
  inChannel: Map<string, string>,
  ofMailboxReplies: Map<string, string>,
): Map<string, string> {
  const merged = new Map(ofMailboxReplies);
  for (const [externalId, threadId] of inChannel) merged.set(externalId, threadId);
  return merged;
}
