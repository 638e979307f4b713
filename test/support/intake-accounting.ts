import type { PrismaService } from '@svara/database';
import { eventually } from './eventually';

export interface IntakeAccount {
  /** Messages stored in the channel. */
  messages: number;
  /** Items a channel could not use, each with its reason, on batches ingest finished. */
  rejected: number;
  /** Items in FAILED batches (parked items and whole parked batches), each with its reason. */
  parked: number;
  /** Every reason given, to check none is empty. */
  reasons: string[];
}

/**
 * Where every item stored for a channel went, once ingest has finished with
 * them all: a message, a rejection with its reason, or a parked (FAILED)
 * batch with its reason. Rejections that name the batch an item was parked
 * in are counted once, as parked.
 */
export async function accountForIntake(
  prisma: PrismaService,
  channelId: string,
  { timeoutMs = 60_000 } = {},
): Promise<IntakeAccount> {
  await eventually(
    async () =>
      (await prisma.inboundBatch.count({ where: { channelId, status: 'PENDING' } })) === 0
        ? true
        : undefined,
    { timeoutMs, intervalMs: 100, what: 'ingest of every stored batch' },
  );
  const batches = await prisma.inboundBatch.findMany({
    where: { channelId },
    select: { status: true, itemCount: true, rejected: true, lastError: true },
  });
  const account: IntakeAccount = {
    messages: await prisma.message.count({ where: { channelId } }),
    rejected: 0,
    parked: 0,
    reasons: [],
  };
  for (const batch of batches) {
    if (batch.status === 'FAILED') {
      account.parked += batch.itemCount;
      account.reasons.push(batch.lastError ?? '');
      continue;
    }
    for (const entry of batch.rejected as { reason?: string; parkedBatchId?: string }[]) {
      if (entry.parkedBatchId) continue;
      account.rejected += 1;
      account.reasons.push(entry.reason ?? '');
    }
  }
  return account;
}
