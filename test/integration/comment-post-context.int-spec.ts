import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { createUser, login, type RunningApi, startApi, startWorker } from '@svara/testing';
import {
  commentWebhook,
  FakeGraphServer,
  permalinkOf,
  serializeWebhook,
  signWebhook,
} from '../support/fake-graph';
import { createMetaChannel, ingested, pollNow } from '../support/meta-channels';

const APP_SECRET = 'fake-graph-app-secret';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

// Longer than the 80 characters the thread's subject keeps of it.
const POST_TEXT =
  'Från och med måndag den 12 januari plogar vi gång- och cykelbanorna före bilvägarna.\n\n' +
  'Hör av dig här om din gata har glömts bort.';

describe('a comment thread shows the post it was made on', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let auth: string;

  beforeAll(async () => {
    await fake.listen();
    const meta = {
      META_GRAPH_URL: fake.url,
      META_GRAPH_VERSION: fake.version,
      META_APP_SECRET: APP_SECRET,
    };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    auth = await login(api, admin.email);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  const detailOf = async (channelId: string, externalId: string) => {
    const thread = await prisma.thread.findFirstOrThrow({ where: { channelId, externalId } });
    const answer = await request(api.server)
      .get(`/api/v1/threads/${thread.id}`)
      .set('authorization', auth)
      .expect(200);
    return answer.body as { subject: string | null; post: unknown };
  };

  it('gives a Facebook comment thread the whole post and its link; a Messenger thread has none', async () => {
    const page = fake.store.addPage({ name: 'Plogkommunen' });
    const post = fake.store.addPost(page.id, POST_TEXT, minutesAgo(300));
    const comment = fake.store.addComment(
      post.id,
      { id: '9200000000000001', name: 'Eva Sjöberg' },
      'Bergsgatan är inte plogad',
      { at: minutesAgo(20) },
    );
    const person = { id: '7200000000000001', name: 'Olle' };
    fake.store.receiveMessage(page.id, person, 'Plogar ni i dag?', minutesAgo(10));
    const channel = await createMetaChannel(worker, page);

    await pollNow(worker, channel.id);

    const commentThread = await detailOf(channel.id, `comment:${comment.id}`);
    expect(commentThread.post).toEqual({ text: POST_TEXT, permalink: permalinkOf(post) });
    expect(commentThread.subject).toMatch(/^Comment on “Från och med måndag.*…”$/);
    expect((await detailOf(channel.id, `dm:${person.id}`)).post).toBeNull();
  });

  it('gives an Instagram comment thread the media’s caption and link', async () => {
    const ig = fake.store.addInstagramAccount({ username: 'plogkommunen' });
    const media = fake.store.addMedia(
      ig.id,
      'Nya lekplatsen i Stadsparken är klar!',
      minutesAgo(90),
    );
    const comment = fake.store.addComment(
      media.id,
      { id: '17840000000000101', username: 'lisa.k' },
      'Finns det toaletter där?',
      { at: minutesAgo(15) },
    );
    const channel = await createMetaChannel(worker, ig);

    await pollNow(worker, channel.id);

    expect((await detailOf(channel.id, `comment:${comment.id}`)).post).toEqual({
      text: 'Nya lekplatsen i Stadsparken är klar!',
      permalink: permalinkOf(media),
    });
  });

  it('knows only the link after a webhook, and the text once a poll has read the post', async () => {
    const page = fake.store.addPage({ name: 'Webbkrokskommunen' });
    const post = fake.store.addPost(page.id, POST_TEXT, minutesAgo(60));
    const comment = fake.store.addComment(
      post.id,
      { id: '9200000000000002', name: 'Åke' },
      'Även på helger?',
    );
    const channel = await createMetaChannel(worker, page);
    const raw = serializeWebhook(commentWebhook(fake.store, comment));
    await request(api.server)
      .post('/api/v1/webhooks/meta')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', signWebhook(raw, APP_SECRET))
      .send(raw)
      .expect(200);
    await ingested(worker, channel.id);

    // Meta's feed change names the post by its link, without its text.
    expect((await detailOf(channel.id, `comment:${comment.id}`)).post).toEqual({
      text: '',
      permalink: permalinkOf(post),
    });

    await pollNow(worker, channel.id);
    expect((await detailOf(channel.id, `comment:${comment.id}`)).post).toEqual({
      text: POST_TEXT,
      permalink: permalinkOf(post),
    });
  });
});
