import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  type RunningApi,
  createTeam,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
} from '@svara/testing';

// 811218-9876 is a valid personnummer; 811218-9877 differs only in its check digit.
const PERSONNUMMER = '19811218-9876';

describe('personal identity numbers in inbound messages', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let adminAuth: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startWorker(),
    ]);
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    adminAuth = await login(api, admin.email);
  });

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  /** Submits the form and waits for the worker to store the submission's thread. */
  async function submit(channelId: string, fields: { subject: string; message: string }) {
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${channelId}/submissions`)
      .send({ name: 'Anna Andersson', email: 'anna@example.se', ...fields })
      .expect(202);
    return eventually(
      async () =>
        (await api.prisma.message.findFirst({
          where: { channelId, externalId: accepted.body.id },
          include: { thread: true },
        })) ?? undefined,
      { timeoutMs: 10_000, what: 'the submission to be stored' },
    );
  }

  it('flags the message and its thread when a valid personnummer comes in', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const stored = await submit(channel.id, {
      subject: 'Bygglov',
      message: `Hej, mitt personnummer är ${PERSONNUMMER}. Hur går det med ansökan?`,
    });
    expect(stored.containsIdentityNumber).toBe(true);
    expect(stored.thread.containsIdentityNumber).toBe(true);

    const listed = await request(api.server)
      .get(`/api/v1/threads?channelId=${channel.id}`)
      .set('authorization', adminAuth)
      .expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: stored.threadId, containsIdentityNumber: true }),
    ]);
  });

  it('leaves a lookalike with a wrong check digit, and phone numbers, unflagged', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const stored = await submit(channel.id, {
      subject: 'Bygglov',
      message: 'Mitt nummer är 811218-9877, ring 070-123 45 67 eller +46 8 123 456 78.',
    });
    expect(stored.containsIdentityNumber).toBe(false);
    expect(stored.thread.containsIdentityNumber).toBe(false);
  });

  it('masks the number in the inbox list and shows it only in the thread, to those who may see it', async () => {
    const [team, otherTeam] = await Promise.all([createTeam(api.prisma), createTeam(api.prisma)]);
    const channel = await createWebFormChannel(api.prisma, {}, team.id);
    const [member, outsider] = await Promise.all([
      createUser(api.prisma, { role: 'AGENT', teamIds: [team.id] }),
      createUser(api.prisma, { role: 'AGENT', teamIds: [otherTeam.id] }),
    ]);
    const [memberAuth, outsiderAuth] = await Promise.all([
      login(api, member.email),
      login(api, outsider.email),
    ]);
    const stored = await submit(channel.id, {
      subject: `Intyg för ${PERSONNUMMER}`,
      message: `Jag behöver ett intyg, personnummer ${PERSONNUMMER}.`,
    });

    for (const auth of [adminAuth, memberAuth]) {
      const listed = await request(api.server)
        .get(`/api/v1/threads?channelId=${channel.id}`)
        .set('authorization', auth)
        .expect(200);
      expect(listed.body.data).toHaveLength(1);
      expect(listed.body.data[0].subject).toBe('Intyg för [identity number]');
      expect(JSON.stringify(listed.body)).not.toContain('9876');

      const thread = await request(api.server)
        .get(`/api/v1/threads/${stored.threadId}`)
        .set('authorization', auth)
        .expect(200);
      expect(thread.body.subject).toBe(`Intyg för ${PERSONNUMMER}`);
      expect(thread.body.messages).toEqual([
        expect.objectContaining({
          text: `Jag behöver ett intyg, personnummer ${PERSONNUMMER}.`,
          containsIdentityNumber: true,
        }),
      ]);
    }

    // Someone outside the thread's team sees neither the thread nor the number.
    const listed = await request(api.server)
      .get(`/api/v1/threads?channelId=${channel.id}`)
      .set('authorization', outsiderAuth)
      .expect(200);
    expect(listed.body.data).toEqual([]);
    await request(api.server)
      .get(`/api/v1/threads/${stored.threadId}`)
      .set('authorization', outsiderAuth)
      .expect(404);
  });
});
