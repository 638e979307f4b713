import request from 'supertest';
import {
  type RunningApi,
  browserLogin,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';
import { ThreadEraser } from '@svara/erasure';

describe('drafts', () => {
  let api: RunningApi;
  let teamId: string;
  let channelId: string;

  beforeAll(async () => {
    api = await startApi();
    teamId = (await createTeam(api.prisma)).id;
    channelId = (await createWebFormChannel(api.prisma, {}, teamId)).id;
  });
  afterAll(() => api?.close());

  const agent = () => createUser(api.prisma, { role: 'AGENT', teamIds: [teamId] });
  const drafts = async (threadId: string, auth: string) =>
    (
      await request(api.server)
        .get(`/api/v1/threads/${threadId}/drafts`)
        .set('authorization', auth)
        .expect(200)
    ).body as { data: { kind: string; text: string; updatedAt: string }[] };

  it('keeps a draft per user and kind, across a new session on another device', async () => {
    const [anna, bo] = await Promise.all([agent(), agent()]);
    const thread = await createThread(api.prisma, { channelId, teamId });
    const browser = await browserLogin(api, anna.email);
    const saved = await request(api.server)
      .put(`/api/v1/threads/${thread.id}/drafts/reply`)
      .set('cookie', browser.cookie)
      .set('x-csrf-token', browser.csrfToken)
      .send({ text: 'Hej Anna,\n\nvi har ' })
      .expect(200);
    expect(saved.body).toEqual({
      kind: 'reply',
      text: 'Hej Anna,\n\nvi har ',
      updatedAt: expect.any(String),
    });
    const annaAuth = await login(api, anna.email);
    await request(api.server)
      .put(`/api/v1/threads/${thread.id}/drafts/note`)
      .set('authorization', annaAuth)
      .send({ text: 'Kolla med bygglov' })
      .expect(200);

    // Signed out and in again elsewhere: both drafts are there.
    await request(api.server)
      .delete('/api/v1/auth/session')
      .set('cookie', browser.cookie)
      .expect(204);
    const again = await browserLogin(api, anna.email);
    const listed = (
      await request(api.server)
        .get(`/api/v1/threads/${thread.id}/drafts`)
        .set('cookie', again.cookie)
        .expect(200)
    ).body as { data: { kind: string; text: string }[] };
    expect(listed.data.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'reply', text: 'Hej Anna,\n\nvi har ' },
      { kind: 'note', text: 'Kolla med bygglov' },
    ]);
    // Another agent of the same team sees none of them.
    expect((await drafts(thread.id, await login(api, bo.email))).data).toEqual([]);
  });

  it('deletes a draft by sending it, by an empty text or by DELETE; one kind at a time', async () => {
    const anna = await agent();
    const auth = await login(api, anna.email);
    const thread = await createThread(api.prisma, { channelId, teamId });
    const put = (kind: string, text: string) =>
      request(api.server)
        .put(`/api/v1/threads/${thread.id}/drafts/${kind}`)
        .set('authorization', auth)
        .send({ text });
    await put('reply', 'Svar på gång').expect(200);
    await put('note', 'Anteckning på gång').expect(200);

    await request(api.server)
      .post(`/api/v1/threads/${thread.id}/notes`)
      .set('authorization', auth)
      .send({ text: 'Anteckning på gång' })
      .expect(201);
    expect((await drafts(thread.id, auth)).data.map((draft) => draft.kind)).toEqual(['reply']);
    await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', auth)
      .send({ text: 'Svar på gång' })
      .expect(201);
    expect((await drafts(thread.id, auth)).data).toEqual([]);

    await put('reply', 'igen').expect(200);
    expect((await put('reply', '').expect(200)).body).toMatchObject({ kind: 'reply', text: '' });
    expect((await drafts(thread.id, auth)).data).toEqual([]);
    await put('note', 'igen').expect(200);
    await request(api.server)
      .delete(`/api/v1/threads/${thread.id}/drafts/note`)
      .set('authorization', auth)
      .expect(204);
    expect((await drafts(thread.id, auth)).data).toEqual([]);

    await put('reply', 'x'.repeat(20_001)).expect(400);
    await put('letter', 'Hej').expect(404);
  });

  it("keeps drafts only on threads the user may see, and erasing a thread's data takes them", async () => {
    const anna = await agent();
    const auth = await login(api, anna.email);
    const outside = await createThread(api.prisma, {
      channelId: (await createWebFormChannel(api.prisma)).id,
    });
    await request(api.server)
      .put(`/api/v1/threads/${outside.id}/drafts/reply`)
      .set('authorization', auth)
      .send({ text: 'Hej' })
      .expect(404);

    const [anonymized, deleted] = await Promise.all([
      createThread(api.prisma, { channelId, teamId, status: 'CLOSED' }),
      createThread(api.prisma, { channelId, teamId, status: 'CLOSED' }),
    ]);
    for (const thread of [anonymized, deleted]) {
      await request(api.server)
        .put(`/api/v1/threads/${thread.id}/drafts/reply`)
        .set('authorization', auth)
        .send({ text: 'Hej Anna Andersson på Storgatan 4' })
        .expect(200);
    }
    const eraser = api.app.get(ThreadEraser);
    await api.prisma.$transaction((tx) => eraser.anonymize(tx, [anonymized.id]));
    await api.prisma.$transaction((tx) => eraser.delete(tx, [deleted.id]));
    expect(
      await api.prisma.draft.count({ where: { threadId: { in: [anonymized.id, deleted.id] } } }),
    ).toBe(0);
    expect(await api.prisma.thread.count({ where: { id: anonymized.id } })).toBe(1);

    // A user who leaves takes their drafts along.
    const thread = await createThread(api.prisma, { channelId, teamId });
    await request(api.server)
      .put(`/api/v1/threads/${thread.id}/drafts/note`)
      .set('authorization', auth)
      .send({ text: 'Hej' })
      .expect(200);
    await api.prisma.user.delete({ where: { id: anna.id } });
    expect(await api.prisma.draft.count({ where: { threadId: thread.id } })).toBe(0);
  });
});
