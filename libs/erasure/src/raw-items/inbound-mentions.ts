import type { InboundBatchStatus, InboundSource, Prisma } from '@svara/database';

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** One raw inbound item that names the person. */
export interface InboundMention {
  batchId: string;
  channelId: string;
  status: InboundBatchStatus;
  source: InboundSource;
  createdAt: Date;
  /** The item's position in the batch's `items`. */
  index: number;
  /** The raw item itself, when asked for. */
  item?: unknown;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// An address or id counts only as a whole word: anna@example.se is not in
// hanna@example.se or anna@example.se.com, and 7100 is not in 971001.
const NOT_AFTER = '(?<![0-9A-Za-z._%+-])';
const NOT_BEFORE = '(?![0-9A-Za-z_-]|\\.[0-9A-Za-z])';

/**
 * A regular expression, valid for JavaScript and for Postgres (`~*`), that
 * finds any of the identifiers (e-mail addresses, channel ids) as a whole word.
 * Null when there is nothing to look for.
 */
export function mentionPattern(identifiers: string[]): string | null {
  const values = [...new Set(identifiers.map((value) => value.trim().toLowerCase()))].filter(
    (value) => value.length > 0,
  );
  if (values.length === 0) return null;
  return `${NOT_AFTER}(?:${values.map(escapeRegExp).join('|')})${NOT_BEFORE}`;
}

/**
 * Raw inbound items (inbound_batches.items) that name any of the identifiers,
 * case-insensitively: in the item's JSON, and for e-mail in the decoded mail
 * (stored as base64), whose headers carry the sender's address in clear.
 */
export async function findInboundMentions(
  db: Db,
  identifiers: string[],
  { withItems = false } = {},
): Promise<InboundMention[]> {
  const pattern = mentionPattern(identifiers);
  if (!pattern) return [];
  return db.$queryRaw<InboundMention[]>`
    SELECT b.id AS "batchId", b."channelId", b.status::text AS status, b.source::text AS source,
      b."createdAt",
      (e.idx - 1)::int AS index,
      CASE WHEN ${withItems}::boolean THEN e.item END AS item
    FROM inbound_batches b
    JOIN channels c ON c.id = b."channelId"
    CROSS JOIN LATERAL json_array_elements(
      CASE WHEN json_typeof(b.items) = 'array' THEN b.items ELSE '[]'::json END
    ) WITH ORDINALITY AS e(item, idx)
    WHERE e.item::text ~* ${pattern}
      OR CASE WHEN c.type = 'EMAIL' AND json_typeof(e.item -> 'raw') = 'string'
        THEN convert_from(decode(e.item ->> 'raw', 'base64'), 'LATIN1') ~* ${pattern}
        ELSE false END
    ORDER BY b."createdAt", b.id, e.idx`;
}
