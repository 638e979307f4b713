import request from 'supertest';
import {
  EventStreamClient,
  type RunningApi,
  browserLogin,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';

describe('presence: who else has a thread open, across api replicas', () => {
  // Two replicas on one Redis, as behind a load balancer.
  let first: RunningApi;
  let second: RunningApi;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([startApi(), startApi()]);
  });
  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await Promise.all([first?.close(), second?.close()]);
  });

  it('shows Anna, typing, to Bo on the other replica, and to no one who may not see the thread; typing lapses', async () => {
    const team = await createTeam(first.prisma);
    const channel = await createWebFormChannel(first.prisma, {}, team.id);
    const thread = await createThread(first.prisma, { channelId: channel.id, teamId: team.id });
    const [anna, bo, outsider] = await Promise.all([
      createUser(first.prisma, { role: 'AGENT', teamIds: [team.id] }),
      createUser(first.prisma, { role: 'AGENT', teamIds: [team.id] }),
      createUser(first.prisma, { role: 'AGENT', teamIds: [(await createTeam(first.prisma)).id] }),
    ]);
    const annaBrowser = await browserLogin(first, anna.email);
    const boAuth = await login(second, bo.email);
    const [boStream, outsiderStream] = await Promise.all([
      EventStreamClient.open(second, boAuth),
      EventStreamClient.open(second, await login(second, outsider.email)),
    ]);
    streams.push(boStream, outsiderStream);

    const heartbeat = (typing: boolean) =>
      request(first.server)
        .put(`/api/v1/threads/${thread.id}/presence`)
        .set('cookie', annaBrowser.cookie)
        .set('x-csrf-token', annaBrowser.csrfToken)
        .send({ typing })
        .expect(204);
    const sentAt = Date.now();
    await heartbeat(true);
    const typing = await boStream.waitFor(
      (event) =>
        event.type === 'presence.updated' &&
        event.data.threadId === thread.id &&
        (event.data.viewers as { typing: boolean }[]).some((viewer) => viewer.typing),
    );
    const [viewer] = typing.data.viewers as { userId: string; name: string; until: string }[];
    expect(viewer).toMatchObject({ userId: anna.id, name: anna.name, typing: true });
    const until = Date.parse(viewer!.until) - sentAt;
    expect(until).toBeGreaterThanOrEqual(30_000);
    expect(until).toBeLessThan(32_000);

    // The other replica reads the same presence; the caller is left out of their own view.
    const seen = await request(second.server)
      .get(`/api/v1/threads/${thread.id}/presence`)
      .set('authorization', boAuth)
      .expect(200);
    expect(seen.body).toEqual({ viewers: [viewer] });
    const own = await request(first.server)
      .get(`/api/v1/threads/${thread.id}/presence`)
      .set('cookie', annaBrowser.cookie)
      .expect(200);
    expect(own.body).toEqual({ viewers: [] });

    // Anna stops typing without saying so: after 8 s Bo is told she is only viewing.
    const stopped = await boStream.waitFor(
      (event) =>
        event.type === 'presence.updated' &&
        event.data.threadId === thread.id &&
        (event.data.viewers as { userId: string; typing: boolean }[]).some(
          (entry) => entry.userId === anna.id && !entry.typing,
        ),
      { timeoutMs: 12_000 },
    );
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(8_000);
    expect(stopped.data.viewers).toHaveLength(1);

    await request(first.server)
      .delete(`/api/v1/threads/${thread.id}/presence`)
      .set('cookie', annaBrowser.cookie)
      .set('x-csrf-token', annaBrowser.csrfToken)
      .expect(204);
    await boStream.waitFor(
      (event) =>
        event.type === 'presence.updated' &&
        event.data.threadId === thread.id &&
        (event.data.viewers as unknown[]).length === 0,
    );
    expect(
      (
        await request(second.server)
          .get(`/api/v1/threads/${thread.id}/presence`)
          .set('authorization', boAuth)
          .expect(200)
      ).body,
    ).toEqual({ viewers: [] });

    expect(outsiderStream.events.filter((event) => event.type === 'presence.updated')).toEqual([]);
    await request(second.server)
      .get(`/api/v1/threads/${thread.id}/presence`)
      .set('authorization', await login(second, outsider.email))
      .expect(404);
  }, 30_000);
});
