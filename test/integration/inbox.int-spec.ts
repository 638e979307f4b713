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

describe('the unified inbox', () => {
  let api: RunningApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await startApi();
    const user = await createUser(api.prisma, { role: 'ADMIN' });
    adminId = user.id;
    admin = await login(api, user.email);
  });
  afterAll(() => api?.close());

  const list = async (query: string, auth = admin) =>
    (
      await request(api.server)
        .get(`/api/v1/threads?${query}`)
        .set('authorization', auth)
        .expect(200)
    ).body as { data: { id: string; subject: string }[]; nextCursor: string | null };

  it('finds "sophämtning" in a message that says "sophämtningen", through the index, not ILIKE', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const hit = await createThread(api.prisma, {
      channelId: channel.id,
      subject: 'Soporna',
      text: 'Sophämtningen har inte kommit på två veckor.',
    });
    const miss = await createThread(api.prisma, {
      channelId: channel.id,
      subject: 'Bygglov',
      text: 'Hur lång tid tar ett bygglov?',
    });
    const found = await list(`channelId=${channel.id}&q=${encodeURIComponent('Sophämtning')}`);
    expect(found.data.map((thread) => thread.id)).toEqual([hit.id]);
    const bySubject = await list(`channelId=${channel.id}&q=bygg`);
    expect(bySubject.data.map((thread) => thread.id)).toEqual([miss.id]);
    const both = await list(`channelId=${channel.id}&q=${encodeURIComponent('veckor två')}`);
    expect(both.data.map((thread) => thread.id)).toEqual([hit.id]);

    const second = await createThread(api.prisma, {
      channelId: channel.id,
      subject: 'Tunnan',
      text: 'Igen ingen sophämtning!',
    });
    const first = await list(`channelId=${channel.id}&q=sophämtning&limit=1`);
    const rest = await list(
      `channelId=${channel.id}&q=sophämtning&limit=1&cursor=${first.nextCursor}`,
    );
    expect([...first.data, ...rest.data].map((thread) => thread.id).sort()).toEqual(
      [hit.id, second.id].sort(),
    );
    expect(rest.nextCursor).toBeNull();

    const plan = await api.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT 1 FROM messages m
        WHERE m."searchVector" @@ to_tsquery('simple', 'sophämtning:*')`;
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('messages_search_vector_idx');
  });

  it('refuses a search with no words, naming q', async () => {
    const response = await request(api.server)
      .get('/api/v1/threads?q=%21%3F')
      .set('authorization', admin)
      .expect(400);
    expect(response.body.message).toContain('q');
  });

  it('sorts soonest due first, no due time last, and pages with a stable cursor', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const base = Date.parse('2026-11-23T08:00:00Z');
    const same = new Date(base);
    const threads = await Promise.all([
      createThread(api.prisma, {
        channelId: channel.id,
        subject: 'd3',
        dueAt: new Date(base + 3 * 3600e3),
      }),
      createThread(api.prisma, { channelId: channel.id, subject: 'none-a', lastMessageAt: same }),
      createThread(api.prisma, {
        channelId: channel.id,
        subject: 'd1',
        dueAt: new Date(base + 3600e3),
      }),
      createThread(api.prisma, { channelId: channel.id, subject: 'none-b', lastMessageAt: same }),
      createThread(api.prisma, {
        channelId: channel.id,
        subject: 'd2a',
        dueAt: new Date(base + 2 * 3600e3),
        lastMessageAt: same,
      }),
      createThread(api.prisma, {
        channelId: channel.id,
        subject: 'd2b',
        dueAt: new Date(base + 2 * 3600e3),
        lastMessageAt: same,
      }),
    ]);
    const all = await list(`channelId=${channel.id}`);
    expect(all.data.slice(0, 2).map((thread) => thread.subject)).toEqual([
      'd1',
      expect.stringMatching(/^d2/),
    ]);
    expect(all.data.slice(3, 4).map((thread) => thread.subject)).toEqual(['d3']);
    expect(
      all.data
        .slice(4)
        .map((thread) => thread.subject)
        .sort(),
    ).toEqual(['none-a', 'none-b']);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        `channelId=${channel.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.data.map((thread) => thread.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.data.map((thread) => thread.id));
    expect(new Set(paged)).toEqual(new Set(threads.map((thread) => thread.id)));
  });

  it('filters by status, team, assignee, SLA state, channel type and tag', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const team = await createTeam(api.prisma);
    const breached = await createThread(api.prisma, {
      channelId: channel.id,
      slaState: 'BREACHED',
    });
    const warned = await createThread(api.prisma, {
      channelId: channel.id,
      slaState: 'WARNING',
      teamId: team.id,
    });
    const closed = await createThread(api.prisma, {
      channelId: channel.id,
      status: 'CLOSED',
      assigneeId: adminId,
      tags: ['parkering'],
    });
    const ids = async (query: string) =>
      (await list(`channelId=${channel.id}&${query}`)).data.map((thread) => thread.id);
    expect(await ids('sla=breached')).toEqual([breached.id]);
    expect(await ids('sla=warning')).toEqual([warned.id]);
    expect(await ids('status=CLOSED')).toEqual([closed.id]);
    expect(await ids(`teamId=${team.id}`)).toEqual([warned.id]);
    expect(await ids(`assigneeId=${adminId}`)).toEqual([closed.id]);
    expect((await ids('assigneeId=none')).sort()).toEqual([breached.id, warned.id].sort());
    expect(await ids('tag=Parkering')).toEqual([closed.id]);
    expect(await ids('channelType=EMAIL')).toEqual([]);
    const bad = await request(api.server)
      .get('/api/v1/threads?sla=late&status=DONE')
      .set('authorization', admin)
      .expect(400);
    expect(bad.body.message).toEqual(expect.stringContaining('sla'));
    expect(bad.body.message).toEqual(expect.stringContaining('status'));
  });

  it('refuses a stale assignment with 409 and records every state change in the audit log', async () => {
    const team = await createTeam(api.prisma);
    const channel = await createWebFormChannel(api.prisma, {}, team.id);
    const thread = await createThread(api.prisma, { channelId: channel.id, teamId: team.id });
    const [first, second] = await Promise.all(
      [0, 1].map(async () => {
        const user = await createUser(api.prisma, { role: 'AGENT', teamIds: [team.id] });
        return { id: user.id, auth: await login(api, user.email) };
      }),
    );
    // Both agents read version 0 and try to take the thread for themselves.
    const take = (agent: { id: string; auth: string }) =>
      request(api.server)
        .patch(`/api/v1/threads/${thread.id}`)
        .set('authorization', agent.auth)
        .send({ version: thread.version, assigneeId: agent.id });
    const winner = await take(first!).expect(200);
    expect(winner.body.version).toBe(thread.version + 1);
    const loser = await take(second!).expect(409);
    expect(loser.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringContaining('changed by someone else'),
    });
    expect(
      (await api.prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).assigneeId,
    ).toBe(first!.id);

    await request(api.server)
      .patch(`/api/v1/threads/${thread.id}`)
      .set('authorization', admin)
      .send({
        version: winner.body.version,
        status: 'CLOSED',
        tags: ['Bygglov', 'bygglov', 'akut'],
      })
      .expect(200)
      .expect((response) => {
        expect(response.body.status).toBe('CLOSED');
        expect(response.body.tags).toEqual(['akut', 'bygglov']);
      });

    const audit = await request(api.server)
      .get(`/api/v1/audit-log?entityType=thread&entityId=${thread.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(audit.body.data.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'thread.assigned',
      'thread.status_changed',
      'thread.tags_changed',
    ]);
    expect(audit.body.data).toContainEqual(
      expect.objectContaining({
        action: 'thread.status_changed',
        actor: expect.objectContaining({ id: adminId }),
        data: { from: 'OPEN', to: 'CLOSED' },
        createdAt: expect.any(String),
      }),
    );
  });

  it('validates a thread change, naming the field', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const thread = await createThread(api.prisma, { channelId: channel.id });
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'CLOSED' }, 'version'],
      [{ version: 0, status: 'DONE' }, 'status'],
      [{ version: 0, assigneeId: 'nobody' }, 'assigneeId'],
      [{ version: 0, assigneeId: '00000000-0000-4000-8000-000000000000' }, 'assigneeId'],
      [{ version: 0, teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId'],
      [{ version: 0, tags: ['<script>'] }, 'tags'],
      [{ version: 0, messageCount: 99 }, 'messageCount'],
    ];
    for (const [body, field] of cases) {
      const response = await request(api.server)
        .patch(`/api/v1/threads/${thread.id}`)
        .set('authorization', admin)
        .send(body)
        .expect(400);
      expect(response.body.message).toContain(field);
    }
  });

  it('keeps internal notes in the thread, never queued for sending', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const thread = await createThread(api.prisma, { channelId: channel.id });
    const note = await request(api.server)
      .post(`/api/v1/threads/${thread.id}/notes`)
      .set('authorization', admin)
      .send({ text: 'Ring tillbaka efter lunch' })
      .expect(201);
    expect(note.body).toEqual(
      expect.objectContaining({ direction: 'NOTE', text: 'Ring tillbaka efter lunch' }),
    );
    const read = await request(api.server)
      .get(`/api/v1/threads/${thread.id}`)
      .set('authorization', admin)
      .expect(200);
    expect(read.body.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'INBOUND',
      'NOTE',
    ]);
    expect(read.body.messageCount).toBe(2);
    await request(api.server)
      .post(`/api/v1/threads/${thread.id}/notes`)
      .set('authorization', admin)
      .send({ text: '   ' })
      .expect(400);
  });

  it('offers canned replies that admins manage, each to its team', async () => {
    const team = await createTeam(api.prisma);
    const elsewhere = await createTeam(api.prisma);
    const agent = await createUser(api.prisma, { role: 'AGENT', teamIds: [team.id] });
    const agentAuth = await login(api, agent.email);
    const create = (body: Record<string, unknown>) =>
      request(api.server).post('/api/v1/canned-replies').set('authorization', admin).send(body);
    const everyone = await create({
      name: `Tack ${team.id}`,
      text: 'Tack för ditt meddelande!',
    }).expect(201);
    await create({ name: `Team ${team.id}`, text: 'Vi återkommer.', teamId: team.id }).expect(201);
    await create({ name: `Annan ${team.id}`, text: 'Inte för dig.', teamId: elsewhere.id }).expect(
      201,
    );
    await create({ name: `Tack ${team.id}`, text: 'dubblett' }).expect(409);
    const offered = await request(api.server)
      .get('/api/v1/canned-replies')
      .set('authorization', agentAuth)
      .expect(200);
    const names = (offered.body as { name: string }[]).map((reply) => reply.name);
    expect(names).toEqual(expect.arrayContaining([`Tack ${team.id}`, `Team ${team.id}`]));
    expect(names).not.toContain(`Annan ${team.id}`);
    await request(api.server)
      .patch(`/api/v1/canned-replies/${everyone.body.id}`)
      .set('authorization', admin)
      .send({ text: 'Tack! Vi svarar inom en arbetsdag.' })
      .expect(200);
    await request(api.server)
      .delete(`/api/v1/canned-replies/${everyone.body.id}`)
      .set('authorization', admin)
      .expect(204);
  });
});
