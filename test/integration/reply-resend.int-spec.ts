import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { OutboundMessages, jobId } from '@svara/pipeline';
import {
  type RunningApi,
  SmtpReceiver,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  testQueue,
} from '@svara/testing';

// A reply whose delivery was not confirmed (the worker killed mid-send, an
// answer lost) is sent again: the citizen must see one mail, not two with
// different Message-IDs.
describe('a web-form reply sent twice', () => {
  let smtp: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let auth: string;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'kundtjanst@kommun.se' };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    auth = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await smtp?.stop();
  });

  it('carries the Message-ID stored when it was queued, every time', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const accepted = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({ name: 'Åsa Öberg', email: 'asa.resend@example.se', message: 'Hej, när?' })
      .expect(202);
    const thread = await eventually(
      async () =>
        (await api.prisma.thread.findFirst({
          where: { channelId: channel.id, externalId: accepted.body.id as string },
        })) ?? undefined,
      { what: 'the submission to become a thread' },
    );

    // The first delivery arrives, but its answer is lost: the worker sends again.
    smtp.loseAnswers(1);
    const reply = await request(api.server)
      .post(`/api/v1/threads/${thread.id}/replies`)
      .set('authorization', auth)
      .send({ text: 'Hej Åsa! I morgon.' })
      .expect(201);
    const queued = await api.prisma.message.findUniqueOrThrow({ where: { id: reply.body.id } });
    const expected = `<${queued.externalId}@kommun.se>`;

    const mails = await smtp.waitFor((m) => m.to.includes('asa.resend@example.se'), {
      count: 2,
      timeoutMs: 30_000,
    });
    expect(mails.map((mail) => mail.parsed.messageId)).toEqual([expected, expected]);
    const sent = await eventually(
      async () => {
        const row = await api.prisma.message.findUniqueOrThrow({ where: { id: reply.body.id } });
        return row.deliveryStatus === 'SENT' ? row : undefined;
      },
      { what: 'the reply to be marked sent' },
    );
    expect(sent.externalId).toBe(expected);

    // Sent again after that (its SENT mark lost in a crash): still the same Message-ID.
    await api.prisma.message.update({
      where: { id: sent.id },
      data: { deliveryStatus: 'QUEUED' },
    });
    const outbound = testQueue('outbound');
    await (await outbound.getJob(jobId.sendMessage(sent.id)))?.remove();
    await outbound.close();
    await worker.get(OutboundMessages).requeueStale(0);
    const third = await smtp.waitFor(
      (m) => m.to.includes('asa.resend@example.se') && m.parsed.text?.includes('I morgon') === true,
      { count: 3, timeoutMs: 30_000 },
    );
    expect(third[2]!.parsed.messageId).toBe(expected);
  });
});
