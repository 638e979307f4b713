import request from 'supertest';
import {
  type RunningApi,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('thread access log', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records who opened which thread, for admins only', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const [thread, other] = await Promise.all([
      createThread(api.prisma, { channelId: channel.id }),
      createThread(api.prisma, { channelId: channel.id }),
    ]);
    const [admin, lead] = await Promise.all([
      createUser(api.prisma, { role: 'ADMIN' }),
      createUser(api.prisma, { role: 'LEAD' }),
    ]);
    const [adminAuth, leadAuth] = await Promise.all([
      login(api, admin.email),
      login(api, lead.email),
    ]);

    await request(api.server)
      .get(`/api/v1/threads/${thread.id}`)
      .set('authorization', adminAuth)
      .expect(200);
    await request(api.server)
      .get(`/api/v1/threads/${other.id}`)
      .set('authorization', adminAuth)
      .expect(200);
    // A lead with no teams may not see the thread: nothing was shown, nothing is logged.
    await request(api.server)
      .get(`/api/v1/threads/${thread.id}`)
      .set('authorization', leadAuth)
      .expect(404);
    // Listing the inbox opens no thread.
    await request(api.server).get('/api/v1/threads').set('authorization', adminAuth).expect(200);

    const log = await request(api.server)
      .get(`/api/v1/access-log?threadId=${thread.id}`)
      .set('authorization', adminAuth)
      .expect(200);
    expect(log.body).toEqual({
      data: [
        {
          id: expect.any(String),
          user: { id: admin.id, email: admin.email, name: admin.name },
          threadId: thread.id,
          openedAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });

    const byAdmin = await request(api.server)
      .get(`/api/v1/access-log?userId=${admin.id}&limit=1`)
      .set('authorization', adminAuth)
      .expect(200);
    expect(byAdmin.body.data.map((entry: { threadId: string }) => entry.threadId)).toEqual([
      other.id,
    ]);
    const next = await request(api.server)
      .get(`/api/v1/access-log?userId=${admin.id}&limit=1&cursor=${byAdmin.body.nextCursor}`)
      .set('authorization', adminAuth)
      .expect(200);
    expect(next.body.data.map((entry: { threadId: string }) => entry.threadId)).toEqual([
      thread.id,
    ]);

    await request(api.server).get('/api/v1/access-log').set('authorization', leadAuth).expect(403);
    const invalid = await request(api.server)
      .get('/api/v1/access-log?threadId=not-a-thread')
      .set('authorization', adminAuth)
      .expect(400);
    expect(invalid.body.message).toEqual(expect.stringContaining('threadId'));
  });
});
