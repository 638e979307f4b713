import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  type RunningApi,
  SmtpReceiver,
  createTeam,
  createThread,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  testQueue,
} from '@svara/testing';

describe('bulk changes and sending a failed reply again', () => {
  let api: RunningApi;
  let admin: { id: string; auth: string };

  beforeAll(async () => {
    api = await startApi();
    const user = await createUser(api.prisma, { role: 'ADMIN' });
    admin = { id: user.id, auth: await login(api, user.email) };
  });
  afterAll(() => api?.close());

  it('changes each thread as PATCH does, with audit entries, and reports each one it could not', async () => {
    const team = await createTeam(api.prisma);
    const channel = await createWebFormChannel(api.prisma, {}, team.id);
    const lead = await createUser(api.prisma, { role: 'LEAD', teamIds: [team.id] });
    const [one, two] = await Promise.all([
      createThread(api.prisma, { channelId: channel.id, teamId: team.id, tags: ['vatten'] }),
      createThread(api.prisma, { channelId: channel.id, teamId: team.id }),
    ]);
    const full = await createThread(api.prisma, {
      channelId: channel.id,
      teamId: team.id,
      tags: Array.from({ length: 20 }, (_, i) => `tagg ${i}`),
    });
    // Not one the lead may see: as if it did not exist.
    const hidden = await createThread(api.prisma, {
      channelId: (await createWebFormChannel(api.prisma)).id,
    });
    const leadAuth = await login(api, lead.email);
    const result = await request(api.server)
      .post('/api/v1/threads/bulk')
      .set('authorization', leadAuth)
      .send({
        threadIds: [one.id, hidden.id, two.id, full.id],
        status: 'PENDING',
        assigneeId: lead.id,
        addTags: ['Avlopp'],
      })
      .expect(200);
    expect(result.body).toEqual({
      updated: [one.id, two.id],
      failed: [
        { id: hidden.id, reason: 'Thread not found' },
        { id: full.id, reason: 'A thread has at most 20 tags; this one would have 21' },
      ],
    });
    const changed = await api.prisma.thread.findUniqueOrThrow({ where: { id: one.id } });
    expect(changed).toMatchObject({ status: 'PENDING', assigneeId: lead.id, version: 1 });
    expect([...changed.tags].sort()).toEqual(['avlopp', 'vatten']);
    expect((await api.prisma.thread.findUniqueOrThrow({ where: { id: full.id } })).version).toBe(0);
    expect((await api.prisma.thread.findUniqueOrThrow({ where: { id: hidden.id } })).status).toBe(
      'OPEN',
    );
    const audit = await api.prisma.auditLog.findMany({
      where: { entityType: 'thread', entityId: { in: [one.id, two.id, full.id] } },
      select: { entityId: true, action: true, actorId: true },
    });
    expect(audit).toHaveLength(6);
    for (const id of [one.id, two.id]) {
      expect(
        audit
          .filter((entry) => entry.entityId === id)
          .map((entry) => entry.action)
          .sort(),
      ).toEqual(['thread.assigned', 'thread.status_changed', 'thread.tags_changed']);
    }
    expect(audit.every((entry) => entry.actorId === lead.id)).toBe(true);

    await request(api.server)
      .post('/api/v1/threads/bulk')
      .set('authorization', leadAuth)
      .send({ threadIds: [], status: 'OPEN' })
      .expect(400);
    await request(api.server)
      .post('/api/v1/threads/bulk')
      .set('authorization', leadAuth)
      .send({ threadIds: Array.from({ length: 501 }, () => one.id), status: 'OPEN' })
      .expect(400);
    await request(api.server)
      .post('/api/v1/threads/bulk')
      .set('authorization', leadAuth)
      .send({ threadIds: [one.id] })
      .expect(400);
  });

  it('sends a FAILED reply again, and refuses any other message with a 409', async () => {
    const smtp = await SmtpReceiver.start();
    let worker: INestApplicationContext = await startWorker({ SMTP_URL: '' });
    try {
      const channel = await createWebFormChannel(api.prisma);
      const thread = await createThread(api.prisma, { channelId: channel.id });
      // An address of this test's own: contacts are one per address across the run's tests.
      const citizen = `asa.${crypto.randomUUID().slice(0, 8)}@example.se`;
      await api.prisma.thread.update({
        where: { id: thread.id },
        data: {
          contact: {
            create: {
              id: crypto.randomUUID(),
              email: citizen,
              identities: { create: { type: 'EMAIL', scope: 'global', value: citizen } },
            },
          },
        },
      });
      const reply = await request(api.server)
        .post(`/api/v1/threads/${thread.id}/replies`)
        .set('authorization', admin.auth)
        .send({ text: 'Vi har skickat en ny tunna.' })
        .expect(201);
      const messageId = reply.body.id as string;
      await eventually(
        async () => {
          const message = await api.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
          return message.deliveryStatus === 'FAILED' ? message : undefined;
        },
        { what: 'the reply to fail without a mail server' },
      );

      await worker.close();
      worker = await startWorker({ SMTP_URL: smtp.url, MAIL_FROM: 'kundtjanst@kommun.se' });
      const retried = await request(api.server)
        .post(`/api/v1/threads/${thread.id}/messages/${messageId}/retry`)
        .set('authorization', admin.auth)
        .expect(202);
      expect(retried.body).toMatchObject({
        id: messageId,
        deliveryStatus: 'QUEUED',
        deliveryError: null,
      });
      await eventually(
        async () => {
          const message = await api.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
          return message.deliveryStatus === 'SENT' ? message : undefined;
        },
        { what: 'the reply to be sent on the second try' },
      );
      const [mail] = await smtp.waitFor(
        (received) => received.parsed.text?.includes('ny tunna') ?? false,
      );
      expect(mail!.to).toContain(citizen);

      const again = await request(api.server)
        .post(`/api/v1/threads/${thread.id}/messages/${messageId}/retry`)
        .set('authorization', admin.auth)
        .expect(409);
      expect(again.body.message).toBe('Only a failed reply can be sent again; this one is SENT');
      const inbound = await api.prisma.message.findFirstOrThrow({
        where: { threadId: thread.id, direction: 'INBOUND' },
      });
      await request(api.server)
        .post(`/api/v1/threads/${thread.id}/messages/${inbound.id}/retry`)
        .set('authorization', admin.auth)
        .expect(409);
      await request(api.server)
        .post(`/api/v1/threads/${thread.id}/messages/${crypto.randomUUID()}/retry`)
        .set('authorization', admin.auth)
        .expect(404);
      const outbound = testQueue('outbound');
      try {
        expect(await outbound.getJob(`send.${messageId}`)).toBeDefined();
      } finally {
        await outbound.close();
      }
    } finally {
      await worker.close();
      await smtp.stop();
    }
  });
});
