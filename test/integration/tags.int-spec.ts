import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
  type RunningApi,
} from '@svara/testing';

describe('managed tags over HTTP', () => {
  // Tags are shared by every thread of the run's database: this file's own carry a suffix.
  const run = randomBytes(3).toString('hex');
  const tag = (name: string) => `${name}-${run}`;
  let api: RunningApi;
  let admin: string;
  let agent: string;
  let ids: string[];

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
    agent = await login(api, (await createUser(api.prisma, { role: 'AGENT' })).email);
    const channel = await createWebFormChannel(api.prisma);
    const threads = await Promise.all(
      [
        ['bygglov', 'brådskande'],
        ['bygglov'],
        ['bygglovsärende', 'bygglov'],
        ['parkering'],
        [],
      ].map((tags) => createThread(api.prisma, { channelId: channel.id, tags: tags.map(tag) })),
    );
    ids = threads.map((thread) => thread.id);
  });
  afterAll(() => api?.close());

  const tagsOf = async () =>
    (
      await api.prisma.thread.findMany({
        where: { id: { in: ids } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, tags: true, version: true },
      })
    ).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const list = (token = admin) =>
    request(api.server).get('/api/v1/tags').set('authorization', token);
  const ours = (listed: { tag: string; threads: number }[]) =>
    listed.filter((entry) => entry.tag.endsWith(`-${run}`));

  it('lists the tags in use with their thread counts', async () => {
    const { body } = await list().expect(200);
    expect(ours(body)).toEqual([
      { tag: tag('brådskande'), threads: 1 },
      { tag: tag('bygglov'), threads: 3 },
      { tag: tag('bygglovsärende'), threads: 1 },
      { tag: tag('parkering'), threads: 1 },
    ]);
    await list(agent).expect(403);
  });

  it('renames a tag everywhere, merging where a thread has both, and audits it', async () => {
    const renamed = await request(api.server)
      .put(`/api/v1/tags/${encodeURIComponent(tag('bygglovsärende'))}`)
      .set('authorization', admin)
      .send({ name: `  Bygglov-${run} ` })
      .expect(200);
    expect(renamed.body).toEqual({ threads: 1 });
    const after = await tagsOf();
    expect(after.map((thread) => thread.tags)).toEqual(
      [['bygglov', 'brådskande'], ['bygglov'], ['bygglov'], ['parkering'], []].map((tags) =>
        tags.map(tag),
      ),
    );
    expect(after[2]!.version).toBe(1);
    expect(after[0]!.version).toBe(0);
    const entry = await api.prisma.auditLog.findFirst({
      where: { action: 'tag.renamed', entityId: tag('bygglovsärende') },
    });
    expect(entry).toMatchObject({ entityType: 'tag' });
  });

  it('removes a tag from every thread', async () => {
    await request(api.server)
      .delete(`/api/v1/tags/${tag('bygglov')}`)
      .set('authorization', admin)
      .expect(200, { threads: 3 });
    expect((await tagsOf()).map((thread) => thread.tags)).toEqual(
      [['brådskande'], [], [], ['parkering'], []].map((tags) => tags.map(tag)),
    );
  });

  it('names what is wrong', async () => {
    await request(api.server)
      .delete(`/api/v1/tags/${tag('saknas')}`)
      .set('authorization', admin)
      .expect(404);
    const bad = await request(api.server)
      .put(`/api/v1/tags/${tag('parkering')}`)
      .set('authorization', admin)
      .send({ name: '#!' })
      .expect(400);
    expect(bad.body.message).toMatch(/name must be a word/);
    await request(api.server)
      .put(`/api/v1/tags/${tag('parkering')}`)
      .set('authorization', agent)
      .send({ name: 'p' })
      .expect(403);
  });
});
