import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { startWorker } from '@svara/testing';
import { type FakeAccount, FakeGraphServer, mostAtOnce } from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

// A worker that may make 3 Graph reads at once, 2 of them for any one channel.
const PER_CHANNEL = 2;
const PER_WORKER = 3;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe('Meta polls reading the Graph API concurrently', () => {
  const fake = new FakeGraphServer();
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    await fake.listen();
    worker = await startWorker({
      META_GRAPH_URL: fake.url,
      META_READ_CONCURRENCY: String(PER_CHANNEL),
      META_READ_CONCURRENCY_TOTAL: String(PER_WORKER),
    });
    prisma = worker.get(PrismaService);
    // Each answer takes a while, as Meta's do, so that reads overlap.
    fake.delayMs = 40;
  });
  afterAll(async () => {
    await worker?.close();
    await fake.close();
  });
  afterEach(() => fake.setAppUsage(0));

  /** Conversations longer than what comes with the list, so each needs reads of its own. */
  function pageWithLongConversations(name: string, conversations: number, messages = 30) {
    const page = fake.store.addPage({ name });
    for (let c = 0; c < conversations; c += 1) {
      const person = { id: `${page.id}${String(c).padStart(4, '0')}`, name: `Person ${c}` };
      for (let m = 0; m < messages; m += 1) {
        fake.store.receiveMessage(page.id, person, `Fråga ${m}`, hoursAgo(10 - m / 10 - c / 1000));
      }
    }
    return page;
  }
  const requestsOf = (page: FakeAccount, since: number) =>
    fake.requests.slice(since).filter((request) => request.token === page.token);
  const storedOnce = async (channelId: string) => {
    const messages = await prisma.message.findMany({
      where: { channelId },
      select: { externalId: true },
    });
    return { count: messages.length, distinct: new Set(messages.map((m) => m.externalId)).size };
  };

  it('reads several pages of two channels at once, within the channel’s and the worker’s limit', async () => {
    const first = pageWithLongConversations('Norra kommunen', 40);
    const second = pageWithLongConversations('Södra kommunen', 40);
    const channels = await Promise.all(
      [first, second].map((page) => createMetaChannel(worker, page)),
    );
    const since = fake.requests.length;
    await Promise.all(channels.map((channel) => pollNow(worker, channel.id)));

    for (const channel of channels) {
      expect(await storedOnce(channel.id)).toEqual({ count: 40 * 30, distinct: 40 * 30 });
    }
    const read = fake.requests.slice(since);
    // Each conversation's list entry plus a read of its older messages.
    expect(read.length).toBeGreaterThanOrEqual(2 * 40);
    expect(mostAtOnce(read)).toBe(PER_WORKER);
    for (const page of [first, second]) {
      expect(mostAtOnce(requestsOf(page, since))).toBe(PER_CHANNEL);
    }
  });

  it('reads one request at a time while Meta reports usage nearing its limit', async () => {
    const page = pageWithLongConversations('Västra kommunen', 20);
    const channel = await createMetaChannel(worker, page);
    fake.setAppUsage(80);
    const since = fake.requests.length;
    await pollNow(worker, channel.id);

    expect(await storedOnce(channel.id)).toEqual({ count: 20 * 30, distinct: 20 * 30 });
    const read = requestsOf(page, since);
    expect(read.length).toBeGreaterThan(20);
    // The list's answer reported the usage before any other read began.
    expect(mostAtOnce(read)).toBe(1);
  });
});
