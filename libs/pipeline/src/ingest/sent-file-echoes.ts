import type { Sql } from '@svara/database';
import type { NormalizedMessage } from '../normalized-message';
import { rowsOf } from './batch-rows';

const SENT_FILE_MESSAGES = `
  SELECT a."sentExternalId" AS "externalId" FROM message_attachments a
  JOIN messages m ON m.id = a."messageId"
  WHERE m."channelId" = $1::uuid AND a."sentExternalId" = ANY($2::text[])`;

/**
 * The batch without the source's copies of files Svara sent: Messenger and
 * Instagram carry each file of a reply as a message of its own, which a
 * poll or an echo brings back. The reply already holds the file; its copy
 * would show it twice.
 */
export async function withoutSentFiles(
  sql: Sql,
  channelId: string,
  messages: NormalizedMessage[],
): Promise<NormalizedMessage[]> {
  const outbound = messages.filter((message) => message.direction === 'OUTBOUND');
  if (outbound.length === 0) return messages;
  const rows = await rowsOf<{ externalId: string }>(sql, SENT_FILE_MESSAGES, [
    channelId,
    outbound.map((message) => message.externalId),
  ]);
  if (rows.length === 0) return messages;
  const sent = new Set(rows.map((row) => row.externalId));
  return messages.filter((message) => !sent.has(message.externalId));
}
