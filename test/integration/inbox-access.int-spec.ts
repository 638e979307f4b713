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

describe('who sees and changes what', () => {
  let api: RunningApi;
  let agent: string;
  let lead: string;
  let admin: string;
  let agentId: string;
  let own: { id: string; version: number };
  let noTeamOnOwnChannel: { id: string };
  let other: { id: string; version: number };
  let assignedToAgent: { id: string };
  let teamIds: string[];

  beforeAll(async () => {
    api = await startApi();
    const [bygg, skola] = await Promise.all([createTeam(api.prisma), createTeam(api.prisma)]);
    teamIds = [bygg.id, skola.id];
    const [byggForm, skolaForm] = await Promise.all([
      createWebFormChannel(api.prisma, {}, bygg.id),
      createWebFormChannel(api.prisma, {}, skola.id),
    ]);
    const agentUser = await createUser(api.prisma, { role: 'AGENT', teamIds: [bygg.id] });
    agentId = agentUser.id;
    const leadUser = await createUser(api.prisma, { role: 'LEAD', teamIds: [bygg.id] });
    const adminUser = await createUser(api.prisma, { role: 'ADMIN' });
    [agent, lead, admin] = await Promise.all([
      login(api, agentUser.email),
      login(api, leadUser.email),
      login(api, adminUser.email),
    ]);
    own = await createThread(api.prisma, { channelId: byggForm.id, teamId: bygg.id });
    noTeamOnOwnChannel = await createThread(api.prisma, { channelId: byggForm.id });
    other = await createThread(api.prisma, {
      channelId: skolaForm.id,
      teamId: skola.id,
      text: 'Personnummer 19800101-1234, känsligt',
    });
    assignedToAgent = await createThread(api.prisma, {
      channelId: skolaForm.id,
      teamId: skola.id,
      assigneeId: agentUser.id,
    });
  });
  afterAll(() => api?.close());

  const listIds = async (auth: string, query = '') => {
    const page = await request(api.server)
      .get(`/api/v1/threads?limit=100${query}`)
      .set('authorization', auth)
      .expect(200);
    return (page.body.data as { id: string }[]).map((thread) => thread.id);
  };

  it("lists for an agent only their teams' threads, unteamed ones on their channels, and their own", async () => {
    const ids = await listIds(agent);
    expect(ids).toEqual(
      expect.arrayContaining([own.id, noTeamOnOwnChannel.id, assignedToAgent.id]),
    );
    expect(ids).not.toContain(other.id);
    const leadIds = await listIds(lead);
    expect(leadIds).toEqual(expect.arrayContaining([own.id, noTeamOnOwnChannel.id]));
    expect(leadIds).not.toContain(other.id);
    // Other tests' threads share the database: the admin's view is checked team by team.
    const [adminBygg, adminSkola] = await Promise.all(
      teamIds.map((teamId) => listIds(admin, `&teamId=${teamId}`)),
    );
    expect([...adminBygg!, ...adminSkola!]).toEqual(expect.arrayContaining([own.id, other.id]));
  });

  it("answers 404 to an agent for another team's thread, whatever they try, and reveals nothing", async () => {
    const read = await request(api.server)
      .get(`/api/v1/threads/${other.id}`)
      .set('authorization', agent)
      .expect(404);
    expect(read.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Thread not found' });
    expect(JSON.stringify(read.body)).not.toContain('Personnummer');
    await request(api.server)
      .patch(`/api/v1/threads/${other.id}`)
      .set('authorization', agent)
      .send({ version: other.version, status: 'CLOSED' })
      .expect(404);
    await request(api.server)
      .post(`/api/v1/threads/${other.id}/replies`)
      .set('authorization', agent)
      .send({ text: 'Hej' })
      .expect(404);
    await request(api.server)
      .post(`/api/v1/threads/${other.id}/notes`)
      .set('authorization', agent)
      .send({ text: 'Hej' })
      .expect(404);
    const filtered = await request(api.server)
      .get(`/api/v1/threads?q=personnummer`)
      .set('authorization', agent)
      .expect(200);
    expect(filtered.body.data).toEqual([]);
    const unchanged = await api.prisma.thread.findUniqueOrThrow({ where: { id: other.id } });
    expect(unchanged.status).toBe('OPEN');
    expect(await api.prisma.message.count({ where: { threadId: other.id } })).toBe(1);
  });

  it('lets an agent read and work a thread of their team', async () => {
    const read = await request(api.server)
      .get(`/api/v1/threads/${own.id}`)
      .set('authorization', agent)
      .expect(200);
    expect(read.body.messages).toHaveLength(1);
    const changed = await request(api.server)
      .patch(`/api/v1/threads/${own.id}`)
      .set('authorization', agent)
      .send({ version: read.body.version, assigneeId: agentId, status: 'PENDING' })
      .expect(200);
    expect(changed.body).toEqual(
      expect.objectContaining({ assigneeId: agentId, status: 'PENDING', version: own.version + 1 }),
    );
  });

  it('keeps admin routes closed to agents and leads (403)', async () => {
    for (const auth of [agent, lead]) {
      await request(api.server).get('/api/v1/users').set('authorization', auth).expect(403);
      await request(api.server).get('/api/v1/channels').set('authorization', auth).expect(403);
      await request(api.server).get('/api/v1/audit-log').set('authorization', auth).expect(403);
      await request(api.server)
        .post('/api/v1/teams')
        .set('authorization', auth)
        .send({ name: 'Egen' })
        .expect(403);
      await request(api.server)
        .post('/api/v1/canned-replies')
        .set('authorization', auth)
        .send({ name: 'x', text: 'y' })
        .expect(403);
    }
    await request(api.server).get('/api/v1/teams').set('authorization', agent).expect(200);
    await request(api.server).get('/api/v1/canned-replies').set('authorization', agent).expect(200);
  });
});
