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
import { FAULTS, FakeGraphServer } from '../support/fake-graph';
import { createMetaChannel, pollNow } from '../support/meta-channels';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const DISCLOSING = 'Mitt personnummer är 811218-9876, varför har jag inte fått svar?';

interface MessageBody {
  id: string;
  text: string;
  externalId: string;
  direction: string;
  publicComment: boolean;
  containsIdentityNumber: boolean;
  hiddenAt: string | null;
  removedAt: string | null;
}

describe('hiding public comments that disclose personal data', () => {
  const fake = new FakeGraphServer();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let auth: string;

  beforeAll(async () => {
    await fake.listen();
    const meta = { META_GRAPH_URL: fake.url, META_GRAPH_VERSION: fake.version };
    [api, worker] = await Promise.all([startApi(meta), startWorker(meta)]);
    prisma = worker.get(PrismaService);
    const agent = await createUser(prisma, { role: 'ADMIN' });
    auth = await login(api, agent.email);
  });

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await fake.close();
  });

  async function threadWith(channelId: string, externalId: string) {
    const thread = await prisma.thread.findUniqueOrThrow({
      where: { channelId_externalId: { channelId, externalId } },
    });
    const shown = await request(api.server)
      .get(`/api/v1/threads/${thread.id}`)
      .set('authorization', auth)
      .expect(200);
    return { id: thread.id, messages: shown.body.messages as MessageBody[] };
  }

  const hide = (threadId: string, messageId: string) =>
    request(api.server)
      .post(`/api/v1/threads/${threadId}/messages/${messageId}/hide`)
      .set('authorization', auth);

  it('flags a Facebook comment with an identity number and hides it on the Page', async () => {
    const page = fake.store.addPage({ name: 'Kommunen' });
    const post = fake.store.addPost(page.id, 'Nu öppnar återvinningscentralen', minutesAgo(60));
    const comment = fake.store.addComment(
      post.id,
      { id: '7300000000000001', name: 'Sara Berg' },
      DISCLOSING,
      { at: minutesAgo(30) },
    );
    const channel = await createMetaChannel(worker, page);
    await pollNow(worker, channel.id);

    const thread = await threadWith(channel.id, `comment:${comment.id}`);
    const [shown] = thread.messages;
    expect(shown).toMatchObject({
      externalId: comment.id,
      direction: 'INBOUND',
      publicComment: true,
      containsIdentityNumber: true,
      hiddenAt: null,
    });

    const hidden = await hide(thread.id, shown!.id).expect(200);
    expect(hidden.body.hiddenAt).toEqual(expect.any(String));
    expect(comment.hidden).toBe(true);
    expect(fake.writes.at(-1)).toMatchObject({
      path: `/${fake.version}/${comment.id}`,
      body: { is_hidden: true },
    });
    const audit = await prisma.auditLog.findMany({
      where: { entityType: 'message', entityId: shown!.id },
    });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'message.hidden', data: { threadId: thread.id } }),
    ]);

    // Hiding it again asks Facebook nothing more.
    const writes = fake.writes.length;
    await hide(thread.id, shown!.id).expect(200);
    expect(fake.writes).toHaveLength(writes);
  });

  it('hides an Instagram comment with Instagram’s own parameter', async () => {
    const ig = fake.store.addInstagramAccount({ username: 'kommunen' });
    const media = fake.store.addMedia(ig.id, 'Sommarlov', minutesAgo(60));
    const comment = fake.store.addComment(
      media.id,
      { id: '7300000000000002', username: 'lisa.n' },
      DISCLOSING,
      { at: minutesAgo(20) },
    );
    const channel = await createMetaChannel(worker, ig);
    await pollNow(worker, channel.id);

    const thread = await threadWith(channel.id, `comment:${comment.id}`);
    await hide(thread.id, thread.messages[0]!.id).expect(200);
    expect(comment.hidden).toBe(true);
    expect(fake.writes.at(-1)).toMatchObject({ body: { hide: true } });
  });

  it('refuses private messages, and says so when Facebook will not hide', async () => {
    const page = fake.store.addPage({ name: 'Kommunen 2' });
    const person = { id: '7300000000000003', name: 'Per Ek' };
    fake.store.receiveMessage(page.id, person, DISCLOSING, minutesAgo(15));
    const post = fake.store.addPost(page.id, 'Vägarbete', minutesAgo(60));
    const comment = fake.store.addComment(post.id, person, DISCLOSING, { at: minutesAgo(10) });
    const channel = await createMetaChannel(worker, page);
    await pollNow(worker, channel.id);

    const direct = await threadWith(channel.id, `dm:${person.id}`);
    expect(direct.messages[0]).toMatchObject({
      publicComment: false,
      containsIdentityNumber: true,
    });
    const refused = await hide(direct.id, direct.messages[0]!.id).expect(400);
    expect(refused.body.message).toMatch(/public comments/);

    const commented = await threadWith(channel.id, `comment:${comment.id}`);
    fake.failNext(FAULTS.tokenExpired());
    const failed = await hide(commented.id, commented.messages[0]!.id).expect(502);
    expect(failed.body.message).toMatch(/could not be hidden/);
    expect(failed.body.message).not.toContain(page.token);
    expect(comment.hidden).toBeUndefined();
    const stored = await prisma.message.findUniqueOrThrow({
      where: { id: commented.messages[0]!.id },
    });
    expect(stored.hiddenAt).toBeNull();

    await hide(commented.id, direct.messages[0]!.id).expect(404);
  });

  describe('a comment its author removed before Svara saw it go', () => {
    async function removedComment(platform: 'facebook' | 'instagram') {
      const account =
        platform === 'facebook'
          ? fake.store.addPage({ name: 'Kommunen 3' })
          : fake.store.addInstagramAccount({ username: 'kommunen3' });
      const object =
        platform === 'facebook'
          ? fake.store.addPost(account.id, 'Snöröjning', minutesAgo(60))
          : fake.store.addMedia(account.id, 'Snöröjning', minutesAgo(60));
      const author =
        platform === 'facebook'
          ? { id: '7300000000000004', name: 'Eva Lund' }
          : { id: '7300000000000005', username: 'eva.lund' };
      const comment = fake.store.addComment(object.id, author, DISCLOSING, { at: minutesAgo(5) });
      const channel = await createMetaChannel(worker, account);
      await pollNow(worker, channel.id);
      const thread = await threadWith(channel.id, `comment:${comment.id}`);
      fake.store.removeComment(comment.id);
      return { channelId: channel.id, thread, comment: thread.messages[0]! };
    }

    it('is shown as removed when an agent tries to hide it', async () => {
      const { channelId, thread, comment } = await removedComment('facebook');
      const refused = await hide(thread.id, comment.id).expect(409);
      expect(refused.body.message).toMatch(/removed on its source/);
      const shown = await threadWith(channelId, `comment:${comment.externalId}`);
      expect(shown.messages[0]).toMatchObject({ hiddenAt: null, removedAt: expect.any(String) });
      expect(shown.messages[0]!.text).toBe(DISCLOSING);
    });

    it('is shown as removed when a reply to it cannot be posted, and the reply says why', async () => {
      const { thread, comment } = await removedComment('instagram');
      const agent = await createUser(prisma, { role: 'AGENT' });
      const reply = await worker
        .get(OutboundMessages)
        .queueReply(thread.id, 'Tack, vi tittar på det.', { userId: agent.id, name: agent.name });
      const failed = await eventually(async () => {
        const row = await prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
        return row.deliveryStatus === 'FAILED' ? row : undefined;
      });
      expect(failed.deliveryError).toMatch(/no longer exists on Meta/);
      const stored = await prisma.message.findUniqueOrThrow({ where: { id: comment.id } });
      expect(stored.removedAt).toEqual(expect.any(Date));
      // Refused once, not tried again.
      expect(
        fake.writes.filter((w) => w.path.endsWith(`/${comment.externalId}/replies`)),
      ).toHaveLength(1);
    });
  });
});
