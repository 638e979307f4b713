import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { OutboundMessages } from '@svara/pipeline';
import { createUser, eventually, type RunningApi, startApi, startWorker } from '@svara/testing';
import {
  commentWebhook,
  FakeGraphServer,
  messageWebhook,
  serializeWebhook,
  signWebhook,
} from '../support/fake-graph';
import { createMetaChannel, ingested, pollNow } from '../support/meta-channels';

const APP_SECRET = 'fake-graph-app-secret';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('Instagram channel against the fake Graph API', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    await fake.listen();
    const meta = { META_GRAPH_URL: fake.url, META_APP_SECRET: APP_SECRET };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  const account = () => fake.store.addInstagramAccount({ username: 'sundsvallskommun' });

  it('makes DMs and media comments threads, with the account’s own messages outbound', async () => {
    const ig = account();
    const johan = { id: '17840000000000001', username: 'johan_s' };
    fake.store.receiveMessage(ig.id, johan, 'Var hämtar jag sandsäckar?', minutesAgo(50));
    fake.store.sendMessage(ig.id, johan.id, 'Vid brandstationen.', minutesAgo(40));
    const media = fake.store.addMedia(
      ig.id,
      'Nya lekplatsen i Stadsparken är klar!',
      minutesAgo(300),
    );
    const lisa = { id: '17840000000000002', username: 'lisa.k' };
    const question = fake.store.addComment(media.id, lisa, 'Finns det toaletter där?', {
      at: minutesAgo(30),
    });
    fake.store.addComment(media.id, { id: ig.id, username: ig.name }, 'Ja, vid entrén!', {
      at: minutesAgo(25),
      parentId: question.id,
    });
    const channel = await createMetaChannel(worker, ig);

    await pollNow(worker, channel.id);

    const threads = await prisma.thread.findMany({
      where: { channelId: channel.id },
      include: { messages: { orderBy: { sentAt: 'asc' } }, contact: true },
    });
    const dm = threads.find((thread) => thread.externalId === `dm:${johan.id}`)!;
    expect(dm.contact?.displayName).toBe('johan_s');
    expect(dm.messages.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Var hämtar jag sandsäckar?'],
      ['OUTBOUND', 'Vid brandstationen.'],
    ]);
    const comments = threads.find((thread) => thread.externalId === `comment:${question.id}`)!;
    expect(comments.subject).toBe('Comment on “Nya lekplatsen i Stadsparken är klar!”');
    expect(comments.contact?.displayName).toBe('lisa.k');
    expect(comments.messages.map((m) => [m.direction, m.text])).toEqual([
      ['INBOUND', 'Finns det toaletter där?'],
      ['OUTBOUND', 'Ja, vid entrén!'],
    ]);
    expect(threads).toHaveLength(2);

    // Nothing new on the media: its comments are not read again.
    const before = fake.requests.length;
    await pollNow(worker, channel.id);
    expect(
      fake.requests.slice(before).filter((r) => r.path.endsWith(`/${media.id}/comments`)),
    ).toHaveLength(0);
    // A new reply changes the media's comment count and is picked up.
    fake.store.addComment(
      media.id,
      { id: '17840000000000003', username: 'anna.b' },
      'Och skötbord?',
      {
        parentId: question.id,
      },
    );
    await pollNow(worker, channel.id);
    expect(await prisma.message.count({ where: { threadId: comments.id } })).toBe(3);
  });

  it('sends DM replies and comment replies to Instagram’s endpoints', async () => {
    const ig = account();
    const person = { id: '17850000000000001', username: 'maja' };
    fake.store.receiveMessage(ig.id, person, 'Hej! Är badet öppet?', minutesAgo(10));
    const media = fake.store.addMedia(ig.id, 'Sommarlov i kommunen', minutesAgo(100));
    const comment = fake.store.addComment(
      media.id,
      { id: '17850000000000002', username: 'erik' },
      'Vilka datum?',
      {
        at: minutesAgo(5),
      },
    );
    const channel = await createMetaChannel(worker, ig);
    await pollNow(worker, channel.id);
    const agent = await createUser(prisma, { role: 'AGENT' });
    const author = { userId: agent.id, name: agent.name };
    const [dm, commentThread] = await Promise.all([
      prisma.thread.findFirstOrThrow({
        where: { channelId: channel.id, externalId: `dm:${person.id}` },
      }),
      prisma.thread.findFirstOrThrow({
        where: { channelId: channel.id, externalId: `comment:${comment.id}` },
      }),
    ]);

    const outbound = worker.get(OutboundMessages);
    const replies = [
      await outbound.queueReply(dm.id, 'Ja, 9–20 varje dag.', author),
      await outbound.queueReply(commentThread.id, '15 juni till 15 augusti.', author),
    ];
    await eventually(async () => {
      const rows = await prisma.message.findMany({
        where: { id: { in: replies.map((r) => r.id) } },
      });
      return rows.every((row) => row.deliveryStatus === 'SENT') ? rows : undefined;
    });

    const writes = fake.writes.filter((w) => w.token === ig.token);
    expect(writes.find((w) => w.path.endsWith(`/${ig.id}/messages`))?.body).toEqual({
      recipient: { id: person.id },
      message: { text: 'Ja, 9–20 varje dag.' },
    });
    expect(writes.find((w) => w.path.endsWith(`/${comment.id}/replies`))?.body).toEqual({
      message: '15 juni till 15 augusti.',
    });
    await pollNow(worker, channel.id);
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(4);
  });

  it('gives one message for an Instagram webhook and a later poll', async () => {
    const ig = account();
    const channel = await createMetaChannel(worker, ig);
    const person = { id: '17860000000000001', username: 'kalle' };
    const message = fake.store.receiveMessage(ig.id, person, 'Hur söker jag bygglov?');
    const media = fake.store.addMedia(ig.id, 'Bygglov på nätet', minutesAgo(30));
    const comment = fake.store.addComment(
      media.id,
      { id: '17860000000000002', username: 'stina' },
      'Smidigt!',
    );
    for (const body of [messageWebhook(fake.store, message), commentWebhook(fake.store, comment)]) {
      const raw = serializeWebhook(body);
      await request(api.server)
        .post('/api/v1/webhooks/meta')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signWebhook(raw, APP_SECRET))
        .send(raw)
        .expect(200, { stored: 1 });
    }
    await ingested(worker, channel.id);
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(2);

    await pollNow(worker, channel.id);
    expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(2);
    expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(2);
  });
});
