import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@svara/database';
import { jobId } from '@svara/pipeline';
import { SecretBox } from '@svara/secrets';
import { loadConfig } from '@svara/config';
import type { Dovecot, MailUser } from './dovecot';
import { testQueue } from './apps';
import { eventually } from './eventually';
import { testEnv } from './test-env';

export const MAILBOX_USER: MailUser = { user: 'kommun@kommun.test', password: 'hemligt-lösen' };

/** An EMAIL channel on the test Dovecot (and an SMTP port), its secrets sealed as the API does. */
export async function createEmailChannel(
  prisma: PrismaClient,
  dovecot: Dovecot,
  {
    mailbox = 'INBOX',
    smtpPort = 2525,
    backfillSince = new Date('2026-01-01T00:00:00Z'),
    user = MAILBOX_USER,
  } = {},
) {
  const secrets = new SecretBox(loadConfig(testEnv()));
  return prisma.channel.create({
    data: {
      type: 'EMAIL',
      name: `Kommunen ${randomUUID().slice(0, 6)}`,
      backfillSince,
      config: {
        address: user.user,
        imapHost: '127.0.0.1',
        imapPort: dovecot.port,
        imapSecure: false,
        imapRequireTls: false,
        mailbox,
        smtpHost: '127.0.0.1',
        smtpPort,
        smtpSecure: false,
        smtpRequireTls: false,
      },
      secretsEncrypted: secrets.seal({
        imapUser: user.user,
        imapPassword: user.password,
      }),
    },
  });
}

/**
 * Queues a poll of the channel and waits until it has finished and every
 * batch it stored is ingested; on a browser-test stack's queues with its `env`.
 */
export async function pollAndSettle(
  prisma: PrismaClient,
  channelId: string,
  { timeoutMs = 30_000, env = {} as Record<string, string> } = {},
) {
  const queue = testQueue('poll', env);
  try {
    const before = (await prisma.channel.findUniqueOrThrow({ where: { id: channelId } }))
      .lastPollAt;
    await queue.add(
      'poll-channel',
      { channelId },
      { jobId: jobId.pollChannel(channelId), removeOnComplete: true, removeOnFail: true },
    );
    await eventually(
      async () => {
        if (await queue.getJob(jobId.pollChannel(channelId))) return undefined;
        const channel = await prisma.channel.findUniqueOrThrow({ where: { id: channelId } });
        if (!channel.lastPollAt || (before && channel.lastPollAt <= before)) return undefined;
        const pending = await prisma.inboundBatch.count({
          where: { channelId, status: 'PENDING' },
        });
        return pending === 0 ? channel : undefined;
      },
      { timeoutMs, intervalMs: 100, what: `poll of channel ${channelId}` },
    );
  } finally {
    await queue.close();
  }
}
