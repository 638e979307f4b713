import request from 'supertest';
import {
  type RunningApi,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('inbox views: counts, previews, directory', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const counts = async (auth: string) =>
    (await request(api.server).get('/api/v1/threads/counts').set('authorization', auth).expect(200))
      .body as Record<string, unknown>;

  it('counts each view of the threads the caller may see, closed ones left out', async () => {
    const [team, other] = await Promise.all([createTeam(api.prisma), createTeam(api.prisma)]);
    const channel = await createWebFormChannel(api.prisma, {}, team.id);
    const elsewhere = await createWebFormChannel(api.prisma, {}, other.id);
    const anna = await createUser(api.prisma, { role: 'AGENT', teamIds: [team.id] });
    const bo = await createUser(api.prisma, { role: 'AGENT', teamIds: [other.id] });
    const on = (channelId: string, rest: Parameters<typeof createThread>[1] = {}) =>
      createThread(api.prisma, { channelId, ...rest });
    await on(channel.id, { teamId: team.id, assigneeId: anna.id });
    await on(channel.id, { teamId: team.id, slaState: 'BREACHED' });
    await on(channel.id, { status: 'PENDING' }); // waits on the citizen: in no view's count
    await on(channel.id); // no team: the channel's team sees it
    await on(channel.id, { teamId: team.id, assigneeId: anna.id, status: 'CLOSED' });
    await on(elsewhere.id, { teamId: other.id, assigneeId: anna.id }); // assigned: Anna sees it
    await on(elsewhere.id, { teamId: other.id, slaState: 'BREACHED', status: 'CLOSED' });
    await on(elsewhere.id, { teamId: other.id });

    const none = { mine: false, unassigned: false, myTeams: false, breached: false };
    expect(await counts(await login(api, anna.email))).toEqual({
      mine: 2,
      unassigned: 2,
      myTeams: 2,
      breached: 1,
      capped: none,
    });
    // The list's "My teams" is the same selection as its count.
    const mine = await request(api.server)
      .get('/api/v1/threads?teamId=mine&status=OPEN')
      .set('authorization', await login(api, anna.email))
      .expect(200);
    expect(mine.body.data.map((t: { teamId: string }) => t.teamId)).toEqual([team.id, team.id]);
    expect(await counts(await login(api, bo.email))).toEqual({
      mine: 0,
      unassigned: 1,
      myTeams: 2,
      breached: 0,
      capped: none,
    });
  });

  it('stops counting at 10000 and says the count is at least that', async () => {
    const team = await createTeam(api.prisma);
    const channel = await createWebFormChannel(api.prisma, {}, team.id);
    const agent = await createUser(api.prisma, { role: 'AGENT', teamIds: [team.id] });
    await api.prisma.$executeRaw`
      INSERT INTO threads (id, "channelId", "externalId", "teamId", "lastMessageAt", "updatedAt")
      SELECT gen_random_uuid(), ${channel.id}::uuid, 'bulk-' || n, ${team.id}::uuid, now(), now()
      FROM generate_series(1, 10001) n`;
    const counted = await counts(await login(api, agent.email));
    expect(counted).toMatchObject({ myTeams: 10000, unassigned: 10000, mine: 0 });
    expect(counted.capped).toEqual({
      mine: false,
      unassigned: true,
      myTeams: true,
      breached: false,
    });
  });

  it('shows each thread with a snippet of its latest message, how long the citizen has waited and its deadline', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const auth = await login(api, admin.email);
    const channel = await createWebFormChannel(api.prisma);
    const asked = new Date(Date.now() - 3 * 3600_000);
    const dueAt = new Date(Date.now() + 3600_000);
    const waiting = await createThread(api.prisma, {
      channelId: channel.id,
      lastMessageAt: asked,
      dueAt,
      text: 'Hej!\n\nMitt personnummer är 19811218-9876 och soptunnan är trasig.',
    });
    // A note is not what the list previews, and does not answer the citizen.
    await request(api.server)
      .post(`/api/v1/threads/${waiting.id}/notes`)
      .set('authorization', auth)
      .send({ text: 'Internt: ring tillbaka' })
      .expect(201);
    const answered = await createThread(api.prisma, {
      channelId: channel.id,
      lastMessageAt: asked,
    });
    await request(api.server)
      .post(`/api/v1/threads/${answered.id}/replies`)
      .set('authorization', auth)
      .send({ text: 'Vi   tittar\npå det.' })
      .expect(201);

    const page = (
      await request(api.server)
        .get(`/api/v1/threads?channelId=${channel.id}`)
        .set('authorization', auth)
        .expect(200)
    ).body as { data: Record<string, unknown>[] };
    const byId = new Map(page.data.map((thread) => [thread.id, thread]));
    expect(byId.get(waiting.id)).toMatchObject({
      snippet: 'Hej! Mitt personnummer är [identity number] och soptunnan är trasig.',
      waitingSince: asked.toISOString(),
      dueAt: dueAt.toISOString(),
    });
    expect(byId.get(answered.id)).toMatchObject({
      snippet: 'Vi tittar på det.',
      waitingSince: null,
      dueAt: null,
    });

    const detail = (
      await request(api.server)
        .get(`/api/v1/threads/${waiting.id}`)
        .set('authorization', auth)
        .expect(200)
    ).body as Record<string, unknown>;
    expect(detail).toMatchObject({
      waitingSince: asked.toISOString(),
      escalations: [],
      slaPaused: false,
      post: null,
    });
    expect(detail.messages).toHaveLength(2);
  });

  it('names every user and team to anyone signed in', async () => {
    const team = await createTeam(api.prisma);
    const agent = await createUser(api.prisma, { role: 'AGENT' });
    const gone = await createUser(api.prisma, { role: 'LEAD' });
    await api.prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    const directory = (
      await request(api.server)
        .get('/api/v1/directory')
        .set('authorization', await login(api, agent.email))
        .expect(200)
    ).body as { users: Record<string, unknown>[]; teams: Record<string, unknown>[] };
    expect(directory.users).toContainEqual({
      id: gone.id,
      name: gone.name,
      role: 'LEAD',
      active: false,
    });
    expect(directory.users.find((user) => user.id === agent.id)).toEqual({
      id: agent.id,
      name: agent.name,
      role: 'AGENT',
      active: true,
    });
    expect(directory.teams).toContainEqual({ id: team.id, name: team.name });
    await request(api.server).get('/api/v1/directory').expect(401);
  });
});
