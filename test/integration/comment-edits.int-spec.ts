import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { createUser, login, type RunningApi, startApi, startWorker } from '@svara/testing';
import {
  commentWebhook,
  FAULTS,
  FakeGraphServer,
  messageWebhook,
  serializeWebhook,
  signWebhook,
} from '../support/fake-graph';
import { createMetaChannel, ingested, pollNow } from '../support/meta-channels';

const APP_SECRET = 'fake-graph-app-secret';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('Comments edited and removed on Facebook and Instagram; names read from profiles', () => {
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
      META_VERIFY_TOKEN: 'verify-token-for-tests',
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

  const deliver = (body: unknown) => {
    const raw = serializeWebhook(body);
    return request(api.server)
      .post('/api/v1/webhooks/meta')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', signWebhook(raw, APP_SECRET))
      .send(raw)
      .expect(200);
  };
  const messageOf = (channelId: string, externalId: string) =>
    prisma.message.findUniqueOrThrow({
      where: { channelId_externalId: { channelId, externalId } },
      include: { edits: { orderBy: { replacedAt: 'asc' } } },
    });
  const threadView = async (threadId: string) =>
    (await request(api.server).get(`/api/v1/threads/${threadId}`).set('authorization', auth))
      .body as {
      messages: {
        externalId: string;
        text: string;
        editedAt: string | null;
        removedAt: string | null;
        earlierVersions?: { text: string; since: string; replacedAt: string }[];
      }[];
    };
  const searchIds = async (channelId: string, q: string) =>
    (
      (
        await request(api.server)
          .get(`/api/v1/threads?channelId=${channelId}&q=${encodeURIComponent(q)}`)
          .set('authorization', auth)
          .expect(200)
      ).body as { data: { id: string }[] }
    ).data.map((thread) => thread.id);

  describe('Facebook, by webhook', () => {
    it('keeps an edited comment’s earlier text, shows and searches the new one, and marks a removed one', async () => {
      const page = fake.store.addPage({ name: 'Ändringskommunen' });
      const channel = await createMetaChannel(worker, page);
      const post = fake.store.addPost(page.id, 'Vägarbete på Storgatan', minutesAgo(120));
      const karin = { id: '9700000000000001', name: 'Karin Berg' };
      const comment = fake.store.addComment(post.id, karin, 'Hur länge blir det avstängt?', {
        at: minutesAgo(30),
      });
      await deliver(commentWebhook(fake.store, comment));
      await ingested(worker, channel.id);

      const editedAt = minutesAgo(10);
      fake.store.editComment(comment.id, 'Hur länge blir Storgatan avstängd för bussar?', editedAt);
      const edit = commentWebhook(fake.store, comment, 'edited', editedAt);
      await deliver(edit);
      await ingested(worker, channel.id);

      const edited = await messageOf(channel.id, comment.id);
      expect(edited.text).toBe('Hur länge blir Storgatan avstängd för bussar?');
      expect(edited.editedAt?.getTime()).toBe(Math.floor(editedAt.getTime() / 1000) * 1000);
      expect(edited.edits.map((e) => [e.text, e.since.toISOString()])).toEqual([
        ['Hur länge blir det avstängt?', edited.sentAt.toISOString()],
      ]);
      // Search follows the current text only.
      expect(await searchIds(channel.id, 'bussar')).toEqual([edited.threadId]);
      expect(await searchIds(channel.id, 'avstängt')).toEqual([]);

      const view = await threadView(edited.threadId);
      expect(view.messages[0]).toMatchObject({
        text: 'Hur länge blir Storgatan avstängd för bussar?',
        earlierVersions: [{ text: 'Hur länge blir det avstängt?' }],
        removedAt: null,
      });
      expect(view.messages[0]!.editedAt).not.toBeNull();

      // Meta delivers the same edit again: nothing changes twice.
      await deliver(edit);
      await ingested(worker, channel.id);
      expect((await messageOf(channel.id, comment.id)).edits).toHaveLength(1);

      fake.store.removeComment(comment.id);
      await deliver(commentWebhook(fake.store, comment, 'remove', minutesAgo(1)));
      await ingested(worker, channel.id);
      const removed = await messageOf(channel.id, comment.id);
      expect(removed.removedAt).not.toBeNull();
      // Kept for the record, with its history.
      expect(removed.text).toBe('Hur länge blir Storgatan avstängd för bussar?');
      expect(removed.edits).toHaveLength(1);
      expect((await threadView(removed.threadId)).messages[0]!.removedAt).not.toBeNull();
    });

    it('stores an edit whose comment it never heard of as the comment, with no history', async () => {
      const page = fake.store.addPage({ name: 'Sentkommunen' });
      const channel = await createMetaChannel(worker, page);
      const post = fake.store.addPost(page.id, 'Badplatserna öppnar', minutesAgo(60));
      const comment = fake.store.addComment(
        post.id,
        { id: '9700000000000002', name: 'Per' },
        'Vilka?',
        {
          at: minutesAgo(20),
        },
      );
      fake.store.editComment(comment.id, 'Vilka badplatser?', minutesAgo(5));
      await deliver(commentWebhook(fake.store, comment, 'edited', minutesAgo(5)));
      await ingested(worker, channel.id);
      const stored = await messageOf(channel.id, comment.id);
      expect(stored.text).toBe('Vilka badplatser?');
      expect(stored.edits).toEqual([]);
    });
  });

  describe('Facebook, by poll', () => {
    it('sees an edited text and a comment gone from its post when the post’s comments are read', async () => {
      const page = fake.store.addPage({ name: 'Pollkommunen' });
      const post = fake.store.addPost(page.id, 'Ny återvinningscentral', minutesAgo(180));
      const early = fake.store.addComment(
        post.id,
        { id: '9800000000000001', name: 'Eva' },
        'Äntligen!',
        {
          at: minutesAgo(100),
        },
      );
      const question = fake.store.addComment(
        post.id,
        { id: '9800000000000002', name: 'Jonas' },
        'Öppettider?',
        { at: minutesAgo(90) },
      );
      const rude = fake.store.addComment(
        post.id,
        { id: '9800000000000003', name: 'Kim' },
        'Slöseri med pengar',
        { at: minutesAgo(80) },
      );
      const channel = await createMetaChannel(worker, page);
      await pollNow(worker, channel.id);
      expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(3);

      fake.store.editComment(question.id, 'Öppettider på helger?', minutesAgo(30));
      fake.store.removeComment(rude.id);
      // A new comment updates the post, so the next poll reads its comments again.
      fake.store.addComment(post.id, { id: '9800000000000004', name: 'Lo' }, 'Bra!', {
        at: minutesAgo(2),
      });
      await pollNow(worker, channel.id);

      const edited = await messageOf(channel.id, question.id);
      expect(edited.text).toBe('Öppettider på helger?');
      expect(edited.edits.map((e) => e.text)).toEqual(['Öppettider?']);
      expect((await messageOf(channel.id, rude.id)).removedAt).not.toBeNull();
      // The oldest comment read is the edge of what the read covers: still there, untouched.
      const untouched = await messageOf(channel.id, early.id);
      expect(untouched.removedAt).toBeNull();
      expect(untouched.edits).toEqual([]);
      expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(4);

      // Polling again changes nothing more.
      await pollNow(worker, channel.id);
      expect(await prisma.messageEdit.count({ where: { messageId: edited.id } })).toBe(1);
    });
  });

  describe('Instagram', () => {
    it('marks a comment removed when the media’s comments are read without it (Instagram has no edits, and its webhook tells of new comments only)', async () => {
      const ig = fake.store.addInstagramAccount({ username: 'andringskommunen' });
      const media = fake.store.addMedia(ig.id, 'Vinterväghållning', minutesAgo(240));
      const lisa = { id: '17840000000000101', username: 'lisa.k' };
      const first = fake.store.addComment(media.id, lisa, 'Plogas cykelbanorna?', {
        at: minutesAgo(60),
      });
      const second = fake.store.addComment(
        media.id,
        { id: '17840000000000102', username: 'olle' },
        'Och gångbanorna?',
        { at: minutesAgo(50) },
      );
      const channel = await createMetaChannel(worker, ig);
      await deliver(commentWebhook(fake.store, first));
      await pollNow(worker, channel.id);
      expect(await prisma.message.count({ where: { channelId: channel.id } })).toBe(2);

      fake.store.removeComment(first.id);
      await pollNow(worker, channel.id);
      expect((await messageOf(channel.id, first.id)).removedAt).not.toBeNull();
      expect((await messageOf(channel.id, second.id)).removedAt).toBeNull();
      const thread = await threadView((await messageOf(channel.id, first.id)).threadId);
      expect(thread.messages[0]).toMatchObject({ text: 'Plogas cykelbanorna?' });
      expect(thread.messages[0]!.removedAt).not.toBeNull();
    });
  });

  describe('names of people first heard of by webhook', () => {
    it('reads a Messenger contact’s name from the Page’s profile API after the next poll, retrying a failure', async () => {
      const page = fake.store.addPage({ name: 'Namnkommunen' });
      const channel = await createMetaChannel(worker, page);
      const anna = { id: '7900000000000001', name: 'Anna Lindqvist' };
      const message = fake.store.receiveMessage(page.id, anna, 'Hej, en fråga om bygglov');
      await deliver(messageWebhook(fake.store, message));
      await ingested(worker, channel.id);
      const before = await prisma.thread.findFirstOrThrow({
        where: { channelId: channel.id },
        include: { contact: true },
      });
      expect(before.contact?.displayName).toBeNull();

      // Graph fails the profile read: the poll still succeeds, the name waits.
      fake.failNext(FAULTS.serverError(), {
        times: 3,
        where: (call) => call.path.endsWith(`/${anna.id}`),
      });
      await pollNow(worker, channel.id);
      const identity = await prisma.contactIdentity.findFirstOrThrow({
        where: { scope: channel.id, value: anna.id },
      });
      expect(identity.profileFailedAt).not.toBeNull();
      expect(identity.displayName).toBeNull();
      expect((await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } })).health).toBe(
        'OK',
      );
      fake.clearFaults();

      // Within the retry interval it is not asked again; after it, it is.
      await pollNow(worker, channel.id);
      expect(
        (await prisma.contactIdentity.findUniqueOrThrow({ where: { id: identity.id } }))
          .displayName,
      ).toBeNull();
      await prisma.contactIdentity.update({
        where: { id: identity.id },
        data: { profileFailedAt: minutesAgo(20) },
      });
      await pollNow(worker, channel.id);

      const after = await prisma.thread.findFirstOrThrow({
        where: { channelId: channel.id },
        include: { contact: true, messages: true },
      });
      expect(after.contact?.displayName).toBe('Anna Lindqvist');
      expect(after.messages[0]!.authorName).toBe('Anna Lindqvist');
      const read = await prisma.contactIdentity.findUniqueOrThrow({ where: { id: identity.id } });
      expect(read).toMatchObject({ displayName: 'Anna Lindqvist', profileFailedAt: null });

      // A fresh name is not read again at every poll.
      const calls = () => fake.requests.filter((call) => call.path.endsWith(`/${anna.id}`)).length;
      const counted = calls();
      await pollNow(worker, channel.id);
      expect(calls()).toBe(counted);
      // One older than META_PROFILE_MAX_AGE_HOURS (a week by default) is.
      anna.name = 'Anna Lindqvist Berg';
      await prisma.contactIdentity.update({
        where: { id: identity.id },
        data: { profileReadAt: new Date(Date.now() - 8 * 24 * 3600_000) },
      });
      await pollNow(worker, channel.id);
      const renamed = await prisma.contact.findUniqueOrThrow({ where: { id: after.contactId! } });
      expect(renamed.displayName).toBe('Anna Lindqvist Berg');
    });

    it('reads an Instagram contact’s name and username', async () => {
      const ig = fake.store.addInstagramAccount({ username: 'namnkommunen' });
      const channel = await createMetaChannel(worker, ig);
      const sara = { id: '17840000000000201', name: 'Sara Ek', username: 'sara.ek' };
      const message = fake.store.receiveMessage(ig.id, sara, 'Hej!');
      await deliver(messageWebhook(fake.store, message));
      await ingested(worker, channel.id);
      await pollNow(worker, channel.id);
      const identity = await prisma.contactIdentity.findFirstOrThrow({
        where: { scope: channel.id, value: sara.id },
        include: { contact: true },
      });
      expect(identity).toMatchObject({ displayName: 'Sara Ek', username: 'sara.ek' });
      expect(identity.contact.displayName).toBe('Sara Ek');
    });
  });
});
