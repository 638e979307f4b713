import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ChannelPolls } from '@svara/channels';
import { type ChannelType, PrismaService } from '@svara/database';
import { JobQueues, jobId } from '@svara/pipeline';
import { SecretBox } from '@svara/secrets';
import { eventually } from './eventually';
import type { FakeAccount } from './fake-graph';

/** A Facebook Page or Instagram channel for an account of the fake Graph API. */
export async function createMetaChannel(
  app: INestApplicationContext,
  account: FakeAccount,
  { backfillSince = new Date(Date.now() - 14 * 24 * 3600_000) }: { backfillSince?: Date } = {},
) {
  const type: ChannelType = account.kind === 'page' ? 'FACEBOOK_PAGE' : 'INSTAGRAM';
  const secrets: Record<string, string> =
    account.kind === 'page' ? { pageAccessToken: account.token } : { accessToken: account.token };
  return app.get(PrismaService).channel.create({
    data: {
      type,
      name: `${account.name} ${randomUUID().slice(0, 6)}`,
      backfillSince,
      config: account.kind === 'page' ? { pageId: account.id } : { igUserId: account.id },
      secretsEncrypted: app.get(SecretBox).seal(secrets),
    },
  });
}

/** Every batch stored for the channel has been through ingest. */
export async function ingested(app: INestApplicationContext, channelId: string): Promise<void> {
  const prisma = app.get(PrismaService);
  await eventually(
    async () =>
      (await prisma.inboundBatch.count({ where: { channelId, status: 'PENDING' } })) === 0
        ? true
        : undefined,
    { timeoutMs: 30_000, what: 'ingest of the stored batches' },
  );
}

/**
 * Queues a poll of the channel (as the scheduler or an admin would), waits
 * until it has finished, with every retry, and until what it stored is ingested.
 */
export async function pollNow(
  app: INestApplicationContext,
  channelId: string,
  { timeoutMs = 30_000 } = {},
): Promise<void> {
  await app.get(ChannelPolls).request(channelId);
  const queue = app.get(JobQueues).queue('poll');
  await eventually(
    async () => ((await queue.getJob(jobId.pollChannel(channelId))) ? undefined : true),
    { timeoutMs, intervalMs: 50, what: 'the poll to finish' },
  );
  await ingested(app, channelId);
}
