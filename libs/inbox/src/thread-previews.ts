import { maskIdentityNumbers } from '@svara/compliance';
import { Prisma, type PrismaService } from '@svara/database';

export const SNIPPET_LENGTH = 160;

/** Read of a message's start: enough that an identity number across the cut is still whole. */
const SNIPPET_READ = 600;

/** What a list shows of a thread beyond its own row. */
export interface ThreadPreview {
  snippet: string | null;
  waitingSince: Date | null;
}

/** The start of a text for a list: one line, identity numbers masked, at most 160 characters. */
export function snippetOf(text: string | null): string | null {
  const line = maskIdentityNumbers(text?.replace(/\s+/g, ' ').trim() ?? '') ?? '';
  if (line === '') return null;
  return line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH - 1)}…` : line;
}

/**
 * Snippet and waiting time of a page of threads in one query, each an index
 * lookup on messages (threadId, sentAt): the latest message that is not a
 * note, and, for an open thread, the citizen's first message after the last
 * reply that was not refused (FAILED).
 */
export async function threadPreviews(
  prisma: PrismaService,
  threadIds: string[],
): Promise<Map<string, ThreadPreview>> {
  if (threadIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; text: string | null; waiting: Date | null }[]>(
    Prisma.sql`
      SELECT t.id,
        (SELECT left(m.text, ${SNIPPET_READ}) FROM messages m
          WHERE m."threadId" = t.id AND m.direction <> 'NOTE'
          ORDER BY m."sentAt" DESC LIMIT 1) AS text,
        CASE WHEN t.status = 'OPEN' THEN (
          SELECT min(m."sentAt") FROM messages m
          WHERE m."threadId" = t.id AND m.direction = 'INBOUND' AND NOT m.automatic
            AND m."sentAt" > COALESCE((
              SELECT max(o."sentAt") FROM messages o
              WHERE o."threadId" = t.id AND o.direction = 'OUTBOUND'
                AND o."deliveryStatus" <> 'FAILED'), '-infinity'::timestamptz))
        END AS waiting
      FROM threads t WHERE t.id = ANY(${threadIds}::uuid[])`,
  );
  return new Map(
    rows.map((row) => [row.id, { snippet: snippetOf(row.text), waitingSince: row.waiting }]),
  );
}
