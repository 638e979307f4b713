import { PrismaService } from '@svara/database';
import { ChannelPolls } from '@svara/channels';
import { JobQueues, jobId } from '@svara/pipeline';
import { eventually, exited, type RunningApi, spawnApp, startApi } from '@svara/testing';
import { FakeGraphServer, mostAtOnce } from '../support/fake-graph';
import { createMetaChannel, ingested } from '../support/meta-channels';

// The worker runs as its own process (the built app) and is killed with
// SIGKILL in the middle of a poll, while it reads several pages and
// conversations at once; a new worker finishes it.

/** Enough conversations for a poll of many pages. */
const CONVERSATIONS = 3000;
/**
 * Every tenth conversation has more messages than come with the list, so it
 * is read on by a request of its own, beside the other conversations' reads.
 */
const perConversation = (c: number) => (c % 10 === 0 ? 30 : 1);
const MESSAGES = Array.from({ length: CONVERSATIONS }, (_, c) => perConversation(c)).reduce(
  (sum: number, n) => sum + n,
  0,
);
describe('a worker killed in the middle of a Meta poll', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    await fake.listen();
    api = await startApi({ META_GRAPH_URL: fake.url });
    prisma = api.prisma;
  });
  afterAll(async () => {
    await api?.close();
    await fake.close();
  });

  it('continues from the stored place, losing and repeating nothing', async () => {
    const page = fake.store.addPage({ name: 'Kraschkommunen' });
    const start = Date.now() - 24 * 3600_000;
    for (let c = 0; c < CONVERSATIONS; c += 1) {
      const person = { id: `${page.id}${String(c).padStart(4, '0')}`, name: `Person ${c}` };
      for (let m = 0; m < perConversation(c); m += 1) {
        fake.store.receiveMessage(
          page.id,
          person,
          `Fråga ${m}`,
          new Date(start + (m * CONVERSATIONS + c) * 1000),
        );
      }
    }
    const channel = await createMetaChannel(api.app, page);
    fake.delayMs = 100;
    const env = { META_GRAPH_URL: fake.url };

    const first = spawnApp('worker', env);
    await api.app.get(ChannelPolls).request(channel.id);
    await eventually(
      async () =>
        (await prisma.inboundBatch.count({ where: { channelId: channel.id } })) >= 2
          ? true
          : undefined,
      { timeoutMs: 20_000, what: 'the poll to store a couple of pages' },
    );
    first.kill('SIGKILL');
    await exited(first);
    const stored = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    const cursor = stored.cursor as { pass?: { stream: string; after?: string } };
    expect(cursor.pass).toMatchObject({ stream: 'conversations', after: expect.any(String) });
    const listsBeforeRestart = fake.requests.filter((r) =>
      r.path.endsWith(`/${page.id}/conversations`),
    ).length;
    // The killed worker had reads of its own open at once: lists ahead, long conversations.
    expect(mostAtOnce(fake.requests.filter((r) => r.token === page.token))).toBeGreaterThan(1);

    fake.delayMs = 0;
    // The kill may land between storing a page and queueing its ingest job:
    // the scheduler's recovery sweep queues such a batch, as in production.
    const second = spawnApp('worker', env);
    const scheduler = spawnApp('scheduler', env);
    try {
      const queue = api.app.get(JobQueues).queue('poll');
      // The killed worker's job is taken over once its lock runs out.
      await eventually(
        async () => ((await queue.getJob(jobId.pollChannel(channel.id))) ? undefined : true),
        {
          timeoutMs: 40_000,
          intervalMs: 200,
          what: 'the second worker to finish the poll',
        },
      );
      await ingested(api.app, channel.id);
    } finally {
      second.kill('SIGTERM');
      scheduler.kill('SIGTERM');
      await Promise.all([exited(second), exited(scheduler)]);
    }

    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true },
    });
    expect(messages).toHaveLength(MESSAGES);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(MESSAGES);
    const counted = await prisma.thread.aggregate({
      where: { channelId: channel.id },
      _sum: { messageCount: true },
    });
    expect(counted._sum.messageCount).toBe(MESSAGES);
    // The restarted poll went on from the stored page, not from the top.
    const lists = fake.requests.filter((r) => r.path.endsWith(`/${page.id}/conversations`));
    expect(lists.slice(listsBeforeRestart).every((r) => r.query.after)).toBe(true);
    expect(lists.filter((r) => !r.query.after)).toHaveLength(1);
  });
});
