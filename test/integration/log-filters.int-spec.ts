import request from 'supertest';
import {
  type RunningApi,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('audit and access log filters', () => {
  let api: RunningApi;
  let adminAuth: string;

  beforeAll(async () => {
    api = await startApi();
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    adminAuth = await login(api, admin.email);
  });

  afterAll(async () => {
    await api?.close();
  });

  const get = (path: string) => request(api.server).get(path).set('authorization', adminAuth);
  const actions = (body: { data: { action: string }[] }) => body.data.map((entry) => entry.action);

  it('filters the audit log by actor, action (whole or its start) and time range', async () => {
    const [anna, bertil] = await Promise.all([
      createUser(api.prisma, { role: 'ADMIN' }),
      createUser(api.prisma, { role: 'ADMIN' }),
    ]);
    const entry = (actorId: string, action: string, createdAt: string) => ({
      actorId,
      action,
      entityType: action.split('.')[0],
      entityId: `e-${action}`,
      createdAt: new Date(createdAt),
    });
    await api.prisma.auditLog.createMany({
      data: [
        entry(anna.id, 'contact.erased', '2031-03-01T10:00:00Z'),
        entry(anna.id, 'channel.updated', '2031-03-02T10:00:00Z'),
        entry(bertil.id, 'contact.exported', '2031-03-03T10:00:00Z'),
        entry(bertil.id, 'contact.erased', '2031-03-05T10:00:00Z'),
      ],
    });

    const byAnna = await get(`/api/v1/audit-log?actorId=${anna.id}`).expect(200);
    expect(actions(byAnna.body)).toEqual(['channel.updated', 'contact.erased']);
    expect(byAnna.body.data[0].actor).toEqual({ id: anna.id, email: anna.email, name: anna.name });

    const erasures = await get(
      `/api/v1/audit-log?action=contact.erased&from=2031-03-01&to=2031-04-01`,
    ).expect(200);
    expect(erasures.body.data.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([
      bertil.id,
      anna.id,
    ]);

    // "contact." is the start of every action on contacts; to is exclusive.
    const march = await get(
      `/api/v1/audit-log?action=contact.&from=2031-03-01T00:00:00Z&to=2031-03-05T10:00:00Z`,
    ).expect(200);
    expect(actions(march.body)).toEqual(['contact.exported', 'contact.erased']);

    const paged = await get(`/api/v1/audit-log?from=2031-03-01&to=2031-04-01&limit=3`).expect(200);
    expect(paged.body.data).toHaveLength(3);
    const rest = await get(
      `/api/v1/audit-log?from=2031-03-01&to=2031-04-01&limit=3&cursor=${paged.body.nextCursor}`,
    ).expect(200);
    expect(actions(rest.body)).toEqual(['contact.erased']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses a range that ends before it starts, and filters that are not what they say', async () => {
    const backwards = await get('/api/v1/audit-log?from=2031-03-02&to=2031-03-01').expect(400);
    expect(backwards.body.message).toContain('to must be later than from');
    const notADate = await get('/api/v1/access-log?from=igår').expect(400);
    expect(notADate.body.message).toContain('from must be an ISO 8601 date');
    const notAUser = await get('/api/v1/audit-log?actorId=anna').expect(400);
    expect(notAUser.body.message).toContain('actorId must be a user id');
  });

  it('filters the access log by time range', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const thread = await createThread(api.prisma, { channelId: channel.id });
    const reader = await createUser(api.prisma, { role: 'AGENT' });
    await api.prisma.threadAccess.createMany({
      data: ['2031-05-01T08:00:00Z', '2031-05-02T08:00:00Z', '2031-05-03T08:00:00Z'].map(
        (openedAt) => ({ userId: reader.id, threadId: thread.id, openedAt: new Date(openedAt) }),
      ),
    });

    const second = await get(
      `/api/v1/access-log?userId=${reader.id}&from=2031-05-02&to=2031-05-03`,
    ).expect(200);
    expect(second.body.data.map((e: { openedAt: string }) => e.openedAt)).toEqual([
      '2031-05-02T08:00:00.000Z',
    ]);
    const fromSecond = await get(`/api/v1/access-log?userId=${reader.id}&from=2031-05-02`).expect(
      200,
    );
    expect(fromSecond.body.data).toHaveLength(2);
  });
});
