import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import {
  EventStreamClient,
  type RunningApi,
  SmtpReceiver,
  createTeam,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  webFormItem,
} from '@svara/testing';
import { InboundBatches } from '@svara/pipeline';

describe('replies and live updates', () => {
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let teamId: string;
  let channelId: string;
  let anna: { id: string; auth: string };
  let bo: { id: string; auth: string };
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'kundtjanst@kommun.se' };
    const apiEnv = { ...env, FORM_RATE_LIMIT_PER_MINUTE: '1000' };
    [api, worker] = await Promise.all([startApi(apiEnv), startWorker(env)]);
    teamId = (await createTeam(api.prisma)).id;
    channelId = (await createWebFormChannel(api.prisma, {}, teamId)).id;
    const agent = async () => {
      const user = await createUser(api.prisma, { role: 'AGENT', teamIds: [teamId] });
      return { id: user.id, auth: await login(api, user.email) };
    };
    [anna, bo] = await Promise.all([agent(), agent()]);
  });

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await Promise.all([api?.close(), worker?.close()]);
    await smtp?.stop();
  });

  const submit = async (fields: Record<string, string>) => {
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${channelId}/submissions`)
      .send({ name: 'Åsa Öberg', email: 'asa@example.se', ...fields })
      .expect(202);
    return eventually(
      async () =>
        (await api.prisma.thread.findFirst({
          where: { channelId, externalId: accepted.body.id as string },
        })) ?? undefined,
      { what: 'the submission to become a thread' },
    );
  };

  /** Event streams of Anna (the channel's team) and of an agent of another team. */
  const annaAndAnOutsiderListening = async () => {
    const outsider = await createUser(api.prisma, {
      role: 'AGENT',
      teamIds: [(await createTeam(api.prisma)).id],
    });
    const opened = await Promise.all([
      EventStreamClient.open(api, anna.auth),
      EventStreamClient.open(api, await login(api, outsider.email)),
    ]);
    streams.push(...opened);
    return opened;
  };

  it('finds a submission about "sophämtningen" when searching for "sophämtning"', async () => {
    const thread = await submit({
      subject: 'Soptunnan',
      message: 'Sophämtningen på Storgatan har uteblivit.',
    });
    const found = await request(api.server)
      .get(`/api/v1/threads?q=${encodeURIComponent('sophämtning')}`)
      .set('authorization', anna.auth)
      .expect(200);
    expect(found.body.data.map((t: { id: string }) => t.id)).toContain(thread.id);
  });

  it('e-mails a reply to the web-form submitter, pending at once, then sent', async () => {
    const thread = await submit({ subject: 'Bygglov', message: 'När får jag besked?' });
    const reply = await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', anna.auth)
      .send({ text: 'Hej Åsa! Besked kommer inom två veckor.' })
      .expect(201);
    expect(reply.body).toEqual(
      expect.objectContaining({ direction: 'OUTBOUND', deliveryStatus: 'QUEUED' }),
    );

    const [mail] = await smtp.waitFor((m) => m.to.includes('asa@example.se'));
    expect(mail!.parsed.subject).toBe('Re: Bygglov');
    expect(mail!.parsed.from?.address).toBe('kundtjanst@kommun.se');
    expect(mail!.parsed.text?.trim()).toBe('Hej Åsa! Besked kommer inom två veckor.');

    const sent = await eventually(
      async () => {
        const read = await request(api.server)
          .get(`/api/v1/threads/${thread.id}`)
          .set('authorization', anna.auth)
          .expect(200);
        const message = read.body.messages.find((m: { id: string }) => m.id === reply.body.id);
        return message?.deliveryStatus === 'SENT' ? message : undefined;
      },
      { what: 'the reply to be marked sent' },
    );
    expect(sent.externalId).toBe(mail!.parsed.messageId);
    expect(sent.author).toEqual(expect.objectContaining({ userId: anna.id }));
  });

  it('shows both replies to both agents when they answer the same thread at once', async () => {
    const thread = await submit({ message: 'Var kan jag parkera?' });
    const [fromAnna, fromBo] = await Promise.all([
      request(api.server)
        .post(`/api/v1/threads/${thread.id}/replies`)
        .set('authorization', anna.auth)
        .send({ text: 'Svar från Anna' })
        .expect(201),
      request(api.server)
        .post(`/api/v1/threads/${thread.id}/replies`)
        .set('authorization', bo.auth)
        .send({ text: 'Svar från Bo' })
        .expect(201),
    ]);
    for (const agent of [anna, bo]) {
      const read = await request(api.server)
        .get(`/api/v1/threads/${thread.id}`)
        .set('authorization', agent.auth)
        .expect(200);
      expect(read.body.messages.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([fromAnna.body.id, fromBo.body.id]),
      );
      expect(read.body.messageCount).toBe(3);
    }
  });

  it('streams new messages and state changes to those who may see them, and only to them', async () => {
    const [mine, theirs] = await annaAndAnOutsiderListening();

    const thread = await submit({ message: 'Gatlampan är trasig' });
    await mine.waitFor((e) => e.type === 'message.created' && e.data.threadId === thread.id);

    await request(api.server)
      .patch(`/api/v1/threads/${thread.id}`)
      .set('authorization', bo.auth)
      .send({
        version: (await api.prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).version,
        status: 'PENDING',
      })
      .expect(200);
    await mine.waitFor((e) => e.type === 'thread.updated' && e.data.threadId === thread.id);

    await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', bo.auth)
      .send({ text: 'Vi lagar den i veckan.' })
      .expect(201);
    await mine.waitFor((e) => e.type === 'message.updated' && e.data.threadId === thread.id);

    expect(theirs.events.filter((e) => e.data.threadId === thread.id)).toEqual([]);
  });

  it('streams a burst of new threads, each once, to those who may see them', async () => {
    const [mine, theirs] = await annaAndAnOutsiderListening();
    // One inbound batch: the worker stores it in one transaction and tells
    // every API replica of its 600 threads at once.
    const items = Array.from({ length: 600 }, () => webFormItem());
    const readsBefore = mine.reads;
    await worker.get(InboundBatches).accept(channelId, 'FORM', items);
    const threads = await eventually(
      async () => {
        const found = await api.prisma.thread.findMany({
          where: { channelId, externalId: { in: items.map((item) => item.id) } },
          select: { id: true },
        });
        return found.length === items.length ? found : undefined;
      },
      { what: 'the batch to be stored' },
    );
    const ours = new Set(threads.map((thread) => thread.id));
    const created = () =>
      mine.events.filter(
        (e) => e.type === 'message.created' && ours.has(e.data.threadId as string),
      );
    await eventually(async () => (created().length >= ours.size ? true : undefined), {
      what: 'an event for every new thread',
    });
    expect(new Set(created().map((e) => e.data.threadId)).size).toBe(ours.size);
    expect(created()).toHaveLength(ours.size);
    const ids = mine.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(theirs.events.filter((e) => ours.has(e.data.threadId as string))).toEqual([]);
    // Sent as they were published, a few hundred at a time, not one write each.
    expect(mine.reads - readsBefore).toBeLessThan(60);
  });

  it('shows a reply that cannot be sent as failed, with the reason', async () => {
    const noMail = await startWorker({ SMTP_URL: '' });
    await worker.close();
    worker = noMail;
    const thread = await submit({ message: 'Hej igen' });
    const reply = await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', anna.auth)
      .send({ text: 'Det här går inte iväg' })
      .expect(201);
    const failed = await eventually(
      async () => {
        const message = await api.prisma.message.findUniqueOrThrow({
          where: { id: reply.body.id },
        });
        return message.deliveryStatus === 'FAILED' ? message : undefined;
      },
      { what: 'the reply to fail' },
    );
    expect(failed.deliveryError).toContain('SMTP_URL is not set');
  });
});
