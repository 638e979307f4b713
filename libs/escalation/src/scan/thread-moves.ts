import type { PrismaService } from '@svara/database';
import type { ThreadMove } from '@svara/pipeline';

/**
 * Moves threads on to where an SLA scan planned, except those something else
 * moved since the scan read them (their nextEscalationAt is no longer the one
 * it saw). Writing the same moves again changes nothing.
 */
export async function moveThreadsOn(prisma: PrismaService, moves: ThreadMove[]): Promise<void> {
  if (moves.length === 0) return;
  await prisma.$executeRaw`
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
    ) AS d(id, seen_at, next_at, state, level)
    WHERE t.id = d.id AND t."nextEscalationAt" = d.seen_at`;
}
