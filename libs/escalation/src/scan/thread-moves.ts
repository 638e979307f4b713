import type { PrismaService } from '@svara/database';
import type { ThreadMove } from '@svara/pipeline';

/**
 * Moves threads on to where an SLA scan planned, except those something else
 * moved since the scan read them (their nextEscalationAt is no longer the one
 * it saw). Writing the same moves again changes nothing. Returns the threads
 * whose SLA state or escalation level changed, for the inbox to be told.
 */
export async function moveThreadsOn(prisma: PrismaService, moves: ThreadMove[]): Promise<string[]> {
  if (moves.length === 0) return [];
  // `before` is the same row as it was when the statement began.
  const rows = await prisma.$queryRaw<{ id: string; changed: boolean }[]>`
    UPDATE threads t SET
      "nextEscalationAt" = d.next_at,
      "slaState" = CASE WHEN t."slaPolicyId" IS NULL THEN 'NONE'::"SlaState" ELSE d.state::"SlaState" END,
      "escalationLevel" = d.level
    FROM unnest(
      ${moves.map((move) => move.threadId)}::uuid[],
      ${moves.map((move) => move.seenAt)}::timestamptz[],
      ${moves.map((move) => move.nextEscalationAt)}::timestamptz[],
      ${moves.map((move) => move.slaState)}::text[],
      ${moves.map((move) => move.escalationLevel)}::int[]
    ) AS d(id, seen_at, next_at, state, level), threads before
    WHERE t.id = d.id AND before.id = d.id AND t."nextEscalationAt" = d.seen_at
    RETURNING t.id, (before."slaState" IS DISTINCT FROM t."slaState"
      OR before."escalationLevel" IS DISTINCT FROM t."escalationLevel") AS changed`;
  return rows.filter((row) => row.changed).map((row) => row.id);
}
