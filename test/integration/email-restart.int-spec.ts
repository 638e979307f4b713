import { Queue } from 'bullmq';
import { PrismaClient } from '@svara/database';
import { jobId } from '@svara/pipeline';
import {
  createEmailChannel,
  Dovecot,
  eventually,
  exited,
  MAILBOX_USER,
  spawnApp,
  testEnv,
  testQueue,
} from '@svara/testing';
import { PrismaPg } from '@prisma/adapter-pg';

const MAILS = 1500;
const mail = (n: number) =>
  `From: Medborgare ${n} <person${n}@medborgare.test>\r\nTo: kommun@kommun.test\r\nSubject: =?utf-8?Q?Fr=C3=A5ga_${n}?=\r\nMessage-ID: <restart.${n}@medborgare.test>\r\nDate: Sat, 21 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nFråga nummer ${n}.\r\n`;

describe('e-mail channel: a worker that dies in the middle of a mailbox', () => {
  let dovecot: Dovecot;
  let prisma: PrismaClient;
  let queue: Queue;

  beforeAll(async () => {
    dovecot = await Dovecot.start([MAILBOX_USER]);
    prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testEnv().DATABASE_URL }),
    });
    queue = testQueue('poll');
  });
  afterAll(async () => {
    await queue?.close();
    await prisma?.$disconnect();
    await dovecot?.stop();
  });

  it('continues where it left off: every mail stored once, none read twice', async () => {
    await dovecot.append(
      MAILBOX_USER,
      'INBOX',
      Array.from({ length: MAILS }, (_, n) => mail(n)),
    );
    const channel = await createEmailChannel(prisma, dovecot);

    const first = spawnApp('worker');
    await queue.add(
      'poll-channel',
      { channelId: channel.id },
      { jobId: jobId.pollChannel(channel.id) },
    );
    // Killed (no graceful shutdown) once the first pages are stored.
    await eventually(
      async () =>
        (await prisma.inboundBatch.count({ where: { channelId: channel.id } })) >= 1
          ? true
          : undefined,
      { timeoutMs: 30_000, what: 'the first stored page' },
    );
    first.kill('SIGKILL');
    await exited(first);
    const storedAtCrash = await prisma.inboundBatch.aggregate({
      where: { channelId: channel.id },
      _sum: { itemCount: true },
    });
    expect(storedAtCrash._sum.itemCount).toBeLessThan(MAILS);
    const cursor = (await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } }))
      .cursor as {
      mailboxes: { INBOX: { lastUid: number } };
    };
    // The cursor moved exactly as far as the stored pages reach.
    expect(cursor.mailboxes.INBOX.lastUid).toBe(storedAtCrash._sum.itemCount);

    // A new worker takes over the abandoned poll once its lock lapses; the
    // scheduler's sweep queues again a stored page whose ingest job was never queued.
    const second = spawnApp('worker');
    const scheduler = spawnApp('scheduler');
    try {
      await eventually(
        async () => {
          const stored = await prisma.message.count({ where: { channelId: channel.id } });
          const pending = await prisma.inboundBatch.count({
            where: { channelId: channel.id, status: 'PENDING' },
          });
          return stored === MAILS && pending === 0 ? true : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 250, what: 'every mail stored' },
      );
      const batches = await prisma.inboundBatch.aggregate({
        where: { channelId: channel.id },
        _sum: { itemCount: true },
      });
      expect(batches._sum.itemCount).toBe(MAILS);
      expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(MAILS);
    } finally {
      second.kill('SIGTERM');
      scheduler.kill('SIGTERM');
      await Promise.all([exited(second), exited(scheduler)]);
    }
  }, 240_000);
});
