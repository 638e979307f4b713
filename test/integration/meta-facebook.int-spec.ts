import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { OutboundMessages } from '@svara/pipeline';
import {
  createUser,
  eventually,
  login,
  type RunningApi,
  startApi,
  startWorker,
} from '@svara/testing';
import {
  FakeGraphServer,
  messageWebhook,
  commentWebhook,
  serializeWebhook,
  signWebhook,
} from '../support/fake-graph';
import { createMetaChannel, ingested, pollNow } from '../support/meta-channels';

const APP_SECRET = 'fake-graph-app-secret';
const VERIFY_TOKEN = 'verify-token-for-tests';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('Facebook Page channel against the fake Graph API', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    await fake.listen();
    const meta = {
      META_GRAPH_URL: fake.url,
      META_GRAPH_VERSION: fake.version,
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: VERIFY_TOKEN,
    };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  const threadsOf = (channelId: string) =>
    prisma.thread.findMany({
      where: { channelId },
      include: { messages: { orderBy: { sentAt: 'asc' } }, contact: true },
      orderBy: { createdAt: 'asc' },
    });

  it('is connected by an admin with the Page id and token, and the token is never shown', async () => {
    const page = fake.store.addPage({ name: 'Kommunen' });
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const auth = await login(api, admin.email);
    const created = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({
        type: 'FACEBOOK_PAGE',
        name: 'Facebook',
        config: { pageId: page.id },
        secrets: { pageAccessToken: page.token },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'FACEBOOK_PAGE',
      config: { pageId: page.id },
      hasSecrets: true,
    });
    expect(JSON.stringify(created.body)).not.toContain(page.token);
    const stored = await prisma.channel.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.secretsEncrypted).not.toContain(page.token);

    const invalid = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({
        type: 'FACEBOOK_PAGE',
        name: 'Facebook',
        config: { pageId: 'kommunen' },
        secrets: { pageAccessToken: page.token },
      })
      .expect(400);
    expect(invalid.body.message).toContain('config.pageId');
    const noToken = await request(api.server)
      .post('/api/v1/channels')
      .set('authorization', auth)
      .send({ type: 'FACEBOOK_PAGE', name: 'Facebook', config: { pageId: page.id } })
      .expect(400);
    expect(noToken.body.message).toContain('secrets.pageAccessToken');
  });

  it('makes each Messenger conversation a thread, with the Page’s own messages outbound', async () => {
    const page = fake.store.addPage({ name: 'Sundsvalls kommun' });
    const anna = { id: '7100000000000001', name: 'Anna Lindqvist' };
    const olle = { id: '7100000000000002', name: 'Olle Nyström' };
    fake.store.receiveMessage(page.id, anna, 'Soporna hämtades inte på Storgatan.', minutesAgo(90));
    fake.store.sendMessage(page.id, anna.id, 'Tack, vi kollar med entreprenören.', minutesAgo(80));
    fake.store.receiveMessage(page.id, anna, 'Kommer de i morgon?', minutesAgo(20));
    fake.store.receiveMessage(page.id, olle, 'När öppnar simhallen?', minutesAgo(10));
    const channel = await createMetaChannel(worker, page);

    await pollNow(worker, channel.id);

    const threads = await threadsOf(channel.id);
    expect(threads).toHaveLength(2);
    const annas = threads.find((thread) => thread.externalId === `dm:${anna.id}`)!;
    expect(annas.contact?.displayName).toBe('Anna Lindqvist');
    expect(annas.messages.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Soporna hämtades inte på Storgatan.'],
      ['OUTBOUND', 'Tack, vi kollar med entreprenören.'],
      ['INBOUND', 'Kommer de i morgon?'],
    ]);
    expect(annas.messageCount).toBe(3);
    // The Page's answer counts as the municipality's response.
    expect(annas.lastOutboundAt).toEqual(annas.messages[1]!.sentAt);
    expect(annas.messages[0]!.sentAt.getTime()).toBeLessThan(Date.now() - 89 * 60_000);

    // Polling again stores nothing twice; a new message lands in its thread.
    fake.store.receiveMessage(page.id, olle, 'Och bastun?', new Date());
    await pollNow(worker, channel.id);
    const again = await threadsOf(channel.id);
    expect(again).toHaveLength(2);
    expect(again.flatMap((thread) => thread.messages)).toHaveLength(5);
  });

  it('reads every page of a long list: 250 conversations, five of them 130 messages long', async () => {
    const page = fake.store.addPage({ name: 'Stora kommunen' });
    const start = Date.now() - 48 * 3600_000;
    const lengthOf = (c: number) => (c % 50 === 0 ? 130 : 2);
    for (let c = 0; c < 250; c += 1) {
      const person = { id: String(7200000000000000 + c), name: `Person ${c}` };
      for (let m = 0; m < lengthOf(c); m += 1) {
        fake.store.receiveMessage(
          page.id,
          person,
          `Meddelande ${m}`,
          new Date(start + (m * 250 + c) * 2_000),
        );
      }
    }
    const total = 5 * 130 + 245 * 2;
    const channel = await createMetaChannel(worker, page);
    const requestsBefore = fake.requests.length;

    await pollNow(worker, channel.id, { timeoutMs: 60_000 });

    expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(250);
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(total);
    const requests = fake.requests.slice(requestsBefore);
    // The list of conversations page by page, and the long conversations' messages past
    // those that came with the list.
    expect(
      requests.filter((r) => r.path.endsWith('/conversations') && r.query.after).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      requests.filter((r) => r.path.endsWith('/messages') && r.query.after).length,
    ).toBeGreaterThanOrEqual(5);
    const counted = await prisma.thread.aggregate({
      where: { channelId: channel.id },
      _sum: { messageCount: true },
    });
    expect(counted._sum.messageCount).toBe(total);
  });

  it('makes each top-level comment a thread with its replies, the Page’s reply outbound', async () => {
    const page = fake.store.addPage({ name: 'Vägkommunen' });
    const post = fake.store.addPost(page.id, 'Så plogar vi i vinter', minutesAgo(600));
    const eva = { id: '9100000000000001', name: 'Eva Sjöberg' };
    const question = fake.store.addComment(post.id, eva, 'Plogas Bergsgatan?', {
      at: minutesAgo(120),
    });
    fake.store.addComment(post.id, { id: '9100000000000002', name: 'Olle' }, 'Undrar samma sak', {
      at: minutesAgo(60),
      parentId: question.id,
    });
    fake.store.addComment(post.id, { id: page.id, name: page.name }, 'Ja, i morgon bitti.', {
      at: minutesAgo(30),
      parentId: question.id,
    });
    const lisas = fake.store.addComment(
      post.id,
      { id: '9100000000000003', name: 'Lisa' },
      'Och cykelbanorna?',
      { at: minutesAgo(5) },
    );
    // The Page's own top-level comment is not a question for anyone.
    fake.store.addComment(
      post.id,
      { id: page.id, name: page.name },
      'Följ oss för uppdateringar!',
      { at: minutesAgo(4) },
    );
    const channel = await createMetaChannel(worker, page);

    await pollNow(worker, channel.id);

    const threads = await threadsOf(channel.id);
    expect(threads.map((thread) => thread.externalId).sort()).toEqual(
      [`comment:${question.id}`, `comment:${lisas.id}`].sort(),
    );
    const evas = threads.find((thread) => thread.externalId === `comment:${question.id}`)!;
    expect(evas.subject).toBe('Comment on “Så plogar vi i vinter”');
    expect(evas.contact?.displayName).toBe('Eva Sjöberg');
    expect(evas.messages.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Plogas Bergsgatan?'],
      ['INBOUND', 'Undrar samma sak'],
      ['OUTBOUND', 'Ja, i morgon bitti.'],
    ]);
  });

  it('sends replies to Messenger and to comments, in the shape Meta expects', async () => {
    const page = fake.store.addPage({ name: 'Svarskommunen' });
    const person = { id: '7300000000000001', name: 'Karin' };
    fake.store.receiveMessage(page.id, person, 'Hej, var lämnar jag grovsopor?', minutesAgo(30));
    const post = fake.store.addPost(
      page.id,
      'Återvinningscentralen har nya öppettider',
      minutesAgo(300),
    );
    const comment = fake.store.addComment(
      post.id,
      { id: '9300000000000001', name: 'Per' },
      'Öppet på söndagar?',
      { at: minutesAgo(20) },
    );
    const channel = await createMetaChannel(worker, page);
    await pollNow(worker, channel.id);
    const agent = await createUser(prisma, { role: 'AGENT' });
    const author = { userId: agent.id, name: agent.name };
    const dm = await prisma.thread.findFirstOrThrow({
      where: { channelId: channel.id, externalId: `dm:${person.id}` },
    });
    const commentThread = await prisma.thread.findFirstOrThrow({
      where: { channelId: channel.id, externalId: `comment:${comment.id}` },
    });

    const outbound = worker.get(OutboundMessages);
    const dmReply = await outbound.queueReply(dm.id, 'Vid Blåberget, öppet 7–19.', author);
    const commentReply = await outbound.queueReply(commentThread.id, 'Ja, 10–16.', author);
    const sent = await eventually(
      async () => {
        const rows = await prisma.message.findMany({
          where: { id: { in: [dmReply.id, commentReply.id] } },
        });
        return rows.every((row) => row.deliveryStatus === 'SENT') ? rows : undefined;
      },
      { what: 'both replies to be sent' },
    );

    const writes = fake.writes.filter((w) => w.token === page.token);
    expect(writes.find((w) => w.path.endsWith(`/${page.id}/messages`))?.body).toEqual({
      recipient: { id: person.id },
      messaging_type: 'RESPONSE',
      message: { text: 'Vid Blåberget, öppet 7–19.' },
    });
    expect(writes.find((w) => w.path.endsWith(`/${comment.id}/comments`))?.body).toEqual({
      message: 'Ja, 10–16.',
    });
    const conversation = fake.store.conversationWith(page.id, person.id)!;
    expect(sent.find((row) => row.id === dmReply.id)?.externalId).toBe(
      conversation.messages.at(-1)!.id,
    );

    // The next poll reads the Page's sent messages back as echoes: still one message each.
    await pollNow(worker, channel.id);
    expect(await prisma.message.count({ where: { threadId: dm.id } })).toBe(2);
    expect(await prisma.message.count({ where: { threadId: commentThread.id } })).toBe(2);
  });

  it('refuses a Messenger reply outside the 24-hour window, telling the agent why', async () => {
    const page = fake.store.addPage({ name: 'Gammal kommun' });
    const person = { id: '7400000000000001', name: 'Sven' };
    fake.store.receiveMessage(page.id, person, 'Hallå?', new Date(Date.now() - 26 * 3600_000));
    const channel = await createMetaChannel(worker, page);
    await pollNow(worker, channel.id);
    const thread = await prisma.thread.findFirstOrThrow({ where: { channelId: channel.id } });
    const agent = await createUser(prisma, { role: 'AGENT' });

    const reply = await worker.get(OutboundMessages).queueReply(thread.id, 'Förlåt dröjsmålet!', {
      userId: agent.id,
      name: agent.name,
    });
    const failed = await eventually(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return row.deliveryStatus === 'FAILED' ? row : undefined;
    });
    expect(failed.deliveryError).toMatch(/within 24 hours/);
    // Refused once, not retried.
    expect(fake.writes.filter((w) => w.path.endsWith(`/${page.id}/messages`))).toHaveLength(1);
  });

  describe('webhook', () => {
    const deliver = (body: unknown, sign = true) => {
      const raw = serializeWebhook(body);
      const call = request(api.server)
        .post('/api/v1/webhooks/meta')
        .set('content-type', 'application/json');
      if (sign) call.set('x-hub-signature-256', signWebhook(raw, APP_SECRET));
      return call.send(raw);
    };

    it('answers Meta’s subscription check with the challenge, and only with the right token', async () => {
      const ok = await request(api.server)
        .get('/api/v1/webhooks/meta')
        .query({
          'hub.mode': 'subscribe',
          'hub.verify_token': VERIFY_TOKEN,
          'hub.challenge': '1158201444',
        })
        .expect(200);
      expect(ok.text).toBe('1158201444');
      await request(api.server)
        .get('/api/v1/webhooks/meta')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' })
        .expect(403);
    });

    it('stores nothing when the signature is wrong or missing', async () => {
      const page = fake.store.addPage({ name: 'Signerad kommun' });
      const channel = await createMetaChannel(worker, page);
      const message = fake.store.receiveMessage(page.id, { id: '7500000000000001' }, 'Hej');
      const body = messageWebhook(fake.store, message);
      await deliver(body, false).expect(401);
      const raw = serializeWebhook(body);
      await request(api.server)
        .post('/api/v1/webhooks/meta')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signWebhook(raw, 'another-secret'))
        .send(raw)
        .expect(401);
      // A signature over a re-serialized body does not match the bytes Meta sent.
      await request(api.server)
        .post('/api/v1/webhooks/meta')
        .set('content-type', 'application/json')
        .set(
          'x-hub-signature-256',
          signWebhook(JSON.stringify(body).replace('Hej', 'Hej!'), APP_SECRET),
        )
        .send(raw)
        .expect(401);
      expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
    });

    it('gives one message for a webhook and a later poll of the same message or comment', async () => {
      const page = fake.store.addPage({ name: 'Webbkrokskommun' });
      const channel = await createMetaChannel(worker, page);
      const person = { id: '7600000000000001', name: 'Åsa Öberg' };
      const message = fake.store.receiveMessage(
        page.id,
        person,
        'Är återvinningen öppen i dag? Tack på förhand – Åsa',
      );
      const post = fake.store.addPost(page.id, 'Nya öppettider', minutesAgo(60));
      const comment = fake.store.addComment(
        post.id,
        { id: '9600000000000001', name: 'Åke' },
        'Även på helger?',
      );

      const accepted = await deliver(messageWebhook(fake.store, message)).expect(200);
      expect(accepted.body).toEqual({ stored: 1 });
      await deliver(commentWebhook(fake.store, comment)).expect(200);
      await ingested(worker, channel.id);
      const fromWebhook = await prisma.message.findMany({ where: { channelId: channel.id } });
      expect(fromWebhook.map((m) => m.text).sort()).toEqual(
        ['Även på helger?', 'Är återvinningen öppen i dag? Tack på förhand – Åsa'].sort(),
      );

      await pollNow(worker, channel.id);
      const afterPoll = await prisma.message.findMany({ where: { channelId: channel.id } });
      expect(afterPoll).toHaveLength(2);
      expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(2);
    });

    it('stores the Page’s echo as outbound, never as a new inbound thread', async () => {
      const page = fake.store.addPage({ name: 'Ekokommunen' });
      const channel = await createMetaChannel(worker, page);
      const person = { id: '7700000000000001', name: 'Nils' };
      const question = fake.store.receiveMessage(page.id, person, 'Hej!', minutesAgo(2));
      const answer = fake.store.sendMessage(
        page.id,
        person.id,
        'Hej Nils, vad gäller det?',
        minutesAgo(1),
      );
      await deliver(messageWebhook(fake.store, question)).expect(200);
      await deliver(messageWebhook(fake.store, answer)).expect(200);
      await ingested(worker, channel.id);
      const threads = await threadsOf(channel.id);
      expect(threads).toHaveLength(1);
      expect(threads[0]!.externalId).toBe(`dm:${person.id}`);
      expect(threads[0]!.messages.map((m) => m.direction)).toEqual(['INBOUND', 'OUTBOUND']);
    });

    it('answers 400 naming the field for a body that is not Meta’s', async () => {
      const response = await deliver({ object: 'page', entry: 'nope' }).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'entry must be a list',
      });
    });
  });
});
