import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { OutboundMessages } from '@svara/pipeline';
import { SecretBox } from '@svara/secrets';
import {
  createUser,
  eventually,
  login,
  type RunningApi,
  startApi,
  startWorker,
} from '@svara/testing';
import { type FakeAccount, FAULTS, FakeGraphServer, mostAtOnce } from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe('Meta channels when the Graph API says no', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    await fake.listen();
    const meta = { META_GRAPH_URL: fake.url };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });
  afterEach(() => {
    fake.clearFaults();
    fake.setAppUsage(0);
  });

  /** A Page with `conversations` conversations of `messages` messages, over several pages. */
  function busyPage(conversations: number, messages = 3): FakeAccount {
    const page = fake.store.addPage({ name: 'Kommunen' });
    for (let c = 0; c < conversations; c += 1) {
      const person = { id: `${page.id}${String(c).padStart(4, '0')}`, name: `Person ${c}` };
      for (let m = 0; m < messages; m += 1) {
        fake.store.receiveMessage(page.id, person, `Fråga ${m}`, hoursAgo(10 - m - c / 1000));
      }
    }
    return page;
  }
  const conversationListsOf = (page: FakeAccount, since: number) =>
    fake.requests
      .slice(since)
      .filter((r) => r.token === page.token && r.path.endsWith(`/${page.id}/conversations`));
  const countMessages = (channelId: string) => prisma.message.count({ where: { channelId } });

  it('backs off when Meta throttles, and resumes where it stopped without losing or repeating', async () => {
    const page = busyPage(150);
    const channel = await createMetaChannel(worker, page);
    // The second page of conversations is refused with Page-level throttling.
    fake.failNext(FAULTS.throttled(page.id, 3), {
      where: (r) => r.path.endsWith(`/${page.id}/conversations`),
      skip: 1,
    });
    const before = Date.now();
    await pollNow(worker, channel.id);

    const throttled = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(throttled.health).toBe('DEGRADED');
    expect(throttled.lastError).toContain('Page request limit reached (code 32)');
    // Meta's estimate (3 minutes) decides the pause.
    expect(throttled.backoffUntil!.getTime()).toBeGreaterThanOrEqual(before + 3 * 60_000);
    expect(throttled.backoffUntil!.getTime()).toBeLessThan(Date.now() + 3 * 60_000 + 1000);
    // The first page was stored, the rest waits.
    const stored = await countMessages(channel.id);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(150 * 3);
    expect((throttled.cursor as { pass?: { after?: string } }).pass?.after).toBeTruthy();

    // Once the pause is over, the next poll continues from the stored place.
    await prisma.channel.update({ where: { id: channel.id }, data: { backoffUntil: new Date() } });
    const resumedAt = fake.requests.length;
    await pollNow(worker, channel.id);
    expect(await countMessages(channel.id)).toBe(150 * 3);
    expect(conversationListsOf(page, resumedAt).every((r) => r.query.after)).toBe(true);
    const recovered = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(recovered).toMatchObject({ health: 'OK', lastError: null, backoffUntil: null });
  });

  it('keeps only whole pages when Meta throttles one of many reads at once, and resumes losing and repeating nothing', async () => {
    // 250 conversations (three pages of the list) too long for what comes
    // with the list: each is read on by a request of its own, several at once.
    const page = fake.store.addPage({ name: 'Storkommunen' });
    for (let c = 0; c < 250; c += 1) {
      const person = { id: `${page.id}${String(c).padStart(4, '0')}`, name: `Person ${c}` };
      for (let m = 0; m < 30; m += 1) {
        fake.store.receiveMessage(page.id, person, `Fråga ${m}`, hoursAgo(10 - m / 10 - c / 1000));
      }
    }
    const channel = await createMetaChannel(worker, page);
    const messageReads = (r: { method: string; path: string }) =>
      r.method === 'GET' && r.path.endsWith('/messages');
    // The oldest conversation, read last, is refused with Page-level throttling.
    const oldest = fake.store.conversationWith(page.id, `${page.id}0000`)!;
    fake.failNext(FAULTS.throttled(page.id, 3), {
      where: (r) => messageReads(r) && r.path.includes(oldest.id),
    });
    fake.delayMs = 20;
    const since = fake.requests.length;
    try {
      await pollNow(worker, channel.id);
    } finally {
      fake.delayMs = 0;
    }

    const throttled = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(throttled.health).toBe('DEGRADED');
    const refusal = fake.requests.slice(since).find((r) => r.status === 400)!;
    // Reads already on their way were answered; none was sent once the refusal
    // had arrived (50 ms: what was on its way as the refusal was answered).
    const read = fake.requests.slice(since).filter((r) => r.token === page.token);
    expect(read.filter((r) => r.receivedAt > refusal.answeredAt! + 50)).toHaveLength(0);
    expect(mostAtOnce(read)).toBeGreaterThan(1);
    // What was stored is whole pages of the list (100 conversations of 30 messages).
    const stored = await countMessages(channel.id);
    expect(stored % (100 * 30)).toBe(0);
    expect(stored).toBeLessThan(250 * 30);

    await prisma.channel.update({ where: { id: channel.id }, data: { backoffUntil: new Date() } });
    const resumedAt = fake.requests.length;
    await pollNow(worker, channel.id);
    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true },
    });
    expect(messages).toHaveLength(250 * 30);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(250 * 30);
    if (stored > 0) {
      expect(conversationListsOf(page, resumedAt).every((r) => r.query.after)).toBe(true);
    }
  });

  it('honours Retry-After on HTTP 429', async () => {
    const page = busyPage(2);
    const channel = await createMetaChannel(worker, page);
    fake.failNext(FAULTS.tooManyRequests(120));
    const before = Date.now();
    await pollNow(worker, channel.id);
    const throttled = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(throttled.health).toBe('DEGRADED');
    expect(throttled.backoffUntil!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(await countMessages(channel.id)).toBe(0);
  });

  it('pauses before Meta refuses when the usage headers near the limit', async () => {
    const page = busyPage(30);
    const channel = await createMetaChannel(worker, page);
    fake.setAppUsage(97);
    const before = fake.requests.length;
    await pollNow(worker, channel.id);

    const paused = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(paused.health).toBe('DEGRADED');
    expect(paused.lastError).toContain('near its rate limit');
    expect(paused.backoffUntil!.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    // It stopped after the answer that reported the usage.
    expect(fake.requests.length - before).toBe(1);

    fake.setAppUsage(20);
    await prisma.channel.update({ where: { id: channel.id }, data: { backoffUntil: new Date() } });
    await pollNow(worker, channel.id);
    expect(await countMessages(channel.id)).toBe(30 * 3);
  });

  it('marks the channel unhealthy with the reason on an expired token, and stops polling it until fixed', async () => {
    const page = busyPage(3);
    const channel = await createMetaChannel(worker, page);
    fake.store.deadTokens.add(page.token);
    await pollNow(worker, channel.id);

    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const seen = await request(api.server)
      .get(`/api/v1/channels/${channel.id}`)
      .set('authorization', await login(api, admin.email))
      .expect(200);
    expect(seen.body).toMatchObject({ health: 'UNHEALTHY' });
    expect(seen.body.lastError).toContain('The access token is invalid or expired');
    expect(seen.body.lastError).toContain('Session has expired');
    expect(JSON.stringify(seen.body)).not.toContain(page.token);

    // Further polls do not call Meta with the dead token.
    const before = fake.requests.length;
    await pollNow(worker, channel.id);
    expect(fake.requests.length).toBe(before);
    expect(await countMessages(channel.id)).toBe(0);

    // An admin stores a new token; polling works again.
    const fresh = 'EAAG-renewed-page-token-0001';
    fake.store.accounts.get(page.id)!.token = fresh;
    await prisma.channel.update({
      where: { id: channel.id },
      data: {
        secretsEncrypted: worker.get(SecretBox).seal({ pageAccessToken: fresh }),
        health: 'OK',
        lastError: null,
      },
    });
    await pollNow(worker, channel.id);
    expect(await countMessages(channel.id)).toBe(3 * 3);
  });

  it('holds a reply while Meta throttles sending, then sends it without spending its attempts', async () => {
    const page = fake.store.addPage({ name: 'Upptagen kommun' });
    fake.store.receiveMessage(
      page.id,
      { id: '7400000000000077', name: 'Lisa' },
      'Hej?',
      hoursAgo(1),
    );
    const channel = await createMetaChannel(worker, page);
    await pollNow(worker, channel.id);
    const thread = await prisma.thread.findFirstOrThrow({ where: { channelId: channel.id } });
    const agent = await createUser(prisma, { role: 'AGENT' });
    const sendPath = (r: { path: string }) => r.path.endsWith(`/${page.id}/messages`);
    // More throttled answers than the send job has attempts.
    fake.failNext(FAULTS.tooManyRequests(1), { where: sendPath, times: 8 });

    const started = Date.now();
    const reply = await worker
      .get(OutboundMessages)
      .queueReply(thread.id, 'Hej Lisa!', { userId: agent.id, name: agent.name });
    const sent = await eventually(
      async () => {
        const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
        expect(row.deliveryStatus).not.toBe('FAILED');
        return row.deliveryStatus === 'SENT' ? row : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the throttled reply to be sent' },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(8 * 1000);
    expect(sent.externalId).not.toMatch(/^svara-/);
  });

  it('retries 5xx answers with backoff, neither losing nor repeating a message', async () => {
    const page = busyPage(150);
    const channel = await createMetaChannel(worker, page);
    // The second page of conversations fails twice; the third attempt gets through.
    fake.failNext(FAULTS.serverError(), {
      where: (r) => r.path.endsWith(`/${page.id}/conversations`),
      skip: 1,
      times: 2,
    });
    const before = fake.requests.length;
    await pollNow(worker, channel.id, { timeoutMs: 30_000 });

    expect(fake.requests.slice(before).filter((r) => r.status === 500)).toHaveLength(2);
    const messages = await prisma.message.findMany({
      where: { channelId: channel.id },
      select: { externalId: true },
    });
    expect(messages).toHaveLength(150 * 3);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(150 * 3);
    // The first page, stored before the failure, was not read again.
    expect(conversationListsOf(page, before).filter((r) => !r.query.after)).toHaveLength(1);
    const healthy = await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(healthy.health).toBe('OK');
  });
});
