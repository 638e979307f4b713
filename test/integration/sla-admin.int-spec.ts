import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PrismaService } from '@svara/database';
import { InboundBatches } from '@svara/pipeline';
import { ThreadSla } from '@svara/thread-sla';
import {
  createUser,
  eventually,
  login,
  startApi,
  startWorker,
  type RunningApi,
  webFormItem,
} from '@svara/testing';

const MINUTE = 60_000;
const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));

describe('SLA calendars, policies and report over HTTP', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    prisma = api.prisma;
    admin = await login(api, (await createUser(prisma, { role: 'ADMIN' })).email);
    agent = await login(api, (await createUser(prisma, { role: 'AGENT' })).email);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const post = (path: string, body: object, token = admin) =>
    request(api.server).post(`/api/v1${path}`).set('authorization', token).send(body);

  it('creates a calendar and names the field of invalid input', async () => {
    const created = await post('/calendars', {
      name: 'Kontaktcenter Malmö',
      timeZone: 'Europe/Stockholm',
      weeklyHours: [{ weekday: 1, open: '08:00', close: '16:30' }],
      holidayCountries: ['SE'],
      eveDays: 'HALF_DAY',
      halfDays: [{ date: '2026-04-30', close: '13:00' }],
    }).expect(201);
    expect(created.body).toMatchObject({ name: 'Kontaktcenter Malmö', eveDays: 'HALF_DAY' });

    const cases: [object, RegExp][] = [
      [{ timeZone: 'Europe/Atlantis' }, /timeZone must be an IANA time zone/],
      [
        { weeklyHours: [{ weekday: 8, open: '08:00', close: '16:00' }] },
        /weekday must not be greater than 7/,
      ],
      [
        { weeklyHours: [{ weekday: 1, open: '16:00', close: '08:00' }] },
        /weeklyHours.0.close must be later/,
      ],
      [{ holidayCountries: ['DK'] }, /holidayCountries must be among SE, NO, FI/],
      [{ closedDates: ['24/12/2026'] }, /closedDates must hold dates YYYY-MM-DD/],
    ];
    for (const [change, message] of cases) {
      const response = await post('/calendars', {
        name: `Bad ${Math.random()}`,
        weeklyHours: [{ weekday: 1, open: '08:00', close: '16:00' }],
        ...change,
      }).expect(400);
      expect(response.body.message).toMatch(message);
    }
    await post('/calendars', { name: 'Kontaktcenter Malmö', weeklyHours: weekdays }).expect(409);
    await post('/calendars', { name: 'x', weeklyHours: weekdays }, agent).expect(403);
  });

  it('validates policies: one kind of target, known calendar, recipients', async () => {
    const calendar = await post('/calendars', {
      name: 'Policy test',
      weeklyHours: weekdays,
    }).expect(201);
    const bad: [object, RegExp][] = [
      [
        { firstResponse: { minutes: 60, workingDays: 1 } },
        /firstResponse must have either minutes or workingDays/,
      ],
      [{ firstResponse: { minutes: 0 } }, /minutes must not be less than 1/],
      [
        { firstResponse: { minutes: 60, countFrom: 'arrivalDay' } },
        /firstResponse.countFrom goes with workingDays only/,
      ],
      [{ firstResponse: { workingDays: 1, countFrom: 'soon' } }, /countFrom must be one of/],
      [{ calendarId: '6f1c2a4e-8d3b-4e7f-9a0b-1c2d3e4f5a6b' }, /calendarId names no calendar/],
      [
        { escalationLevels: [{ level: 1, on: 'BREACH', recipients: {} }] },
        /escalationLevels.0.recipients names nobody/,
      ],
      [
        { escalationLevels: [{ level: 1, on: 'LATE', recipients: { addresses: ['a@b.se'] } }] },
        /on must be one of/,
      ],
    ];
    for (const [change, message] of bad) {
      const response = await post('/sla-policies', {
        name: `Bad ${Math.random()}`,
        calendarId: calendar.body.id,
        ...change,
      }).expect(400);
      expect(response.body.message).toMatch(message);
    }
  });

  it('makes "at the latest the next working day" of a Friday evening message Monday', async () => {
    const office = await post('/calendars', {
      name: 'Kommunhuset',
      timeZone: 'Europe/Stockholm',
      weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })),
      holidayCountries: ['SE'],
    }).expect(201);
    const dueOn = async (target: object) => {
      const policy = await post('/sla-policies', {
        name: `Nästa arbetsdag ${Math.random()}`,
        calendarId: office.body.id,
        firstResponse: target,
      }).expect(201);
      expect(policy.body.firstResponse).toMatchObject(target);
      const channel = await prisma.channel.create({
        data: {
          type: 'WEB_FORM',
          name: `Fredag ${Math.random()}`,
          slaPolicyId: policy.body.id,
          backfillSince: new Date('2026-11-01T00:00:00Z'),
        },
      });
      // Friday 20 November 2026, 18:00 in Stockholm, after closing.
      const item = webFormItem({ submittedAt: '2026-11-20T17:00:00.000Z' });
      await worker.get(InboundBatches).accept(channel.id, 'FORM', [item]);
      const thread = await eventually(
        async () =>
          (await prisma.thread.findFirst({ where: { channelId: channel.id, externalId: item.id } }))
            ?.firstResponseDueAt ?? undefined,
        { timeoutMs: 20_000, what: 'the thread with its due time' },
      );
      return thread.toISOString();
    };
    // Monday's closing, 16:00 in Stockholm.
    expect(await dueOn({ workingDays: 1 })).toBe('2026-11-23T15:00:00.000Z');
    // Counted from the next opening, Monday is day 0 and Tuesday is due.
    expect(await dueOn({ workingDays: 1, countFrom: 'nextOpening' })).toBe(
      '2026-11-24T15:00:00.000Z',
    );
  });

  it('recomputes due times of open threads when a policy changes, with progress', async () => {
    const calendar = await post('/calendars', {
      name: 'Dygnet runt',
      weeklyHours: weekdays,
    }).expect(201);
    const policy = await post('/sla-policies', {
      name: 'En timme',
      calendarId: calendar.body.id,
      firstResponse: { minutes: 60, warnAtPercent: 80 },
      escalationLevels: [
        { level: 1, on: 'BREACH', recipients: { addresses: ['chef@kommun.test'] } },
      ],
      locale: 'en',
    }).expect(201);
    const channel = await prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Recompute',
        slaPolicyId: policy.body.id,
        backfillSince: new Date(),
      },
    });
    const items = Array.from({ length: 3 }, () =>
      webFormItem({ submittedAt: new Date(Date.now() - 10 * MINUTE).toISOString() }),
    );
    await worker.get(InboundBatches).accept(channel.id, 'FORM', items);
    const threads = await eventually(
      async () => {
        const rows = await prisma.thread.findMany({ where: { channelId: channel.id } });
        return rows.length === 3 && rows.every((t) => t.firstResponseDueAt) ? rows : undefined;
      },
      { timeoutMs: 20_000, what: 'the threads with due times' },
    );
    const sentAt = new Map(
      (await prisma.message.findMany({ where: { channelId: channel.id } })).map((m) => [
        m.threadId,
        m.sentAt,
      ]),
    );
    for (const thread of threads)
      expect(thread.firstResponseDueAt!.getTime()).toBe(
        sentAt.get(thread.id)!.getTime() + 60 * MINUTE,
      );

    const updated = await request(api.server)
      .patch(`/api/v1/sla-policies/${policy.body.id}`)
      .set('authorization', admin)
      .send({ firstResponse: { minutes: 120 } })
      .expect(200);
    expect(updated.body.recomputationId).toEqual(expect.any(String));
    const status = await eventually(
      async () => {
        const response = await request(api.server)
          .get(`/api/v1/sla-recomputations/${updated.body.recomputationId}`)
          .set('authorization', admin)
          .expect(200);
        return response.body.state === 'completed' ? response.body : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: 'the recomputation' },
    );
    expect(status.progress).toEqual({ done: 3, total: 3 });
    for (const thread of await prisma.thread.findMany({ where: { channelId: channel.id } }))
      expect(thread.firstResponseDueAt!.getTime()).toBe(
        sentAt.get(thread.id)!.getTime() + 120 * MINUTE,
      );

    await request(api.server)
      .delete(`/api/v1/sla-policies/${policy.body.id}`)
      .set('authorization', admin)
      .expect(409);
  });

  it('lets a team override its channels’ policy, and a channel change policy, recomputing open threads', async () => {
    const calendar = await post('/calendars', {
      name: 'Alltid öppet',
      weeklyHours: weekdays,
    }).expect(201);
    const policyOf = (name: string, minutes: number) =>
      post('/sla-policies', {
        name,
        calendarId: calendar.body.id,
        firstResponse: { minutes },
      }).expect(201);
    const [hour, day, quarter] = await Promise.all([
      policyOf('Timme', 60),
      policyOf('Dygn', 1440),
      policyOf('Kvart', 15),
    ]);
    const team = await post('/teams', { name: 'Socialtjänsten' }).expect(201);
    const channel = await prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Team override',
        teamId: team.body.id,
        slaPolicyId: hour.body.id,
        backfillSince: new Date(),
      },
    });
    const item = webFormItem({ submittedAt: new Date(Date.now() - MINUTE).toISOString() });
    await worker.get(InboundBatches).accept(channel.id, 'FORM', [item]);
    const dueAfter = (minutes: number) =>
      eventually(
        async () => {
          const thread = await prisma.thread.findFirst({ where: { channelId: channel.id } });
          return thread?.firstResponseDueAt?.getTime() ===
            new Date(item.submittedAt).getTime() + minutes * MINUTE
            ? thread
            : undefined;
        },
        {
          timeoutMs: 20_000,
          intervalMs: 100,
          what: `a first-response due time ${minutes} min out`,
        },
      );
    await dueAfter(60);

    const overridden = await request(api.server)
      .put(`/api/v1/teams/${team.body.id}/sla-policy`)
      .set('authorization', admin)
      .send({ slaPolicyId: day.body.id })
      .expect(200);
    expect(overridden.body).toMatchObject({
      slaPolicyId: day.body.id,
      recomputation: expect.any(String),
    });
    await dueAfter(1440);

    await request(api.server)
      .put(`/api/v1/teams/${team.body.id}/sla-policy`)
      .set('authorization', admin)
      .send({ slaPolicyId: null })
      .expect(200);
    await dueAfter(60);

    await request(api.server)
      .patch(`/api/v1/channels/${channel.id}`)
      .set('authorization', admin)
      .send({ slaPolicyId: quarter.body.id })
      .expect(200);
    await dueAfter(15);

    await request(api.server)
      .put(`/api/v1/teams/${team.body.id}/sla-policy`)
      .set('authorization', agent)
      .send({ slaPolicyId: day.body.id })
      .expect(403);
    const invalid = await request(api.server)
      .put(`/api/v1/teams/${team.body.id}/sla-policy`)
      .set('authorization', admin)
      .send({ slaPolicyId: 'dygn' })
      .expect(400);
    expect(invalid.body.message).toContain('slaPolicyId');
  });

  it('reports the share answered in time and first-response percentiles per channel and team', async () => {
    const calendar = await post('/calendars', { name: 'Rapport', weeklyHours: weekdays }).expect(
      201,
    );
    const policy = await post('/sla-policies', {
      name: 'Rapportpolicy',
      calendarId: calendar.body.id,
      firstResponse: { minutes: 30 },
    }).expect(201);
    const team = await prisma.team.create({ data: { name: 'Medborgarservice' } });
    const channel = await prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Rapportkanal',
        teamId: team.id,
        slaPolicyId: policy.body.id,
        backfillSince: new Date(),
      },
    });
    const start = Date.now() - 3 * 60 * MINUTE;
    const items = [0, 1, 2, 3].map((i) =>
      webFormItem({ submittedAt: new Date(start + i * MINUTE).toISOString() }),
    );
    await worker.get(InboundBatches).accept(channel.id, 'FORM', items);
    const threads = await eventually(
      async () => {
        const rows = await prisma.thread.findMany({
          where: { channelId: channel.id, firstResponseDueAt: { not: null } },
          orderBy: { lastMessageAt: 'asc' },
        });
        return rows.length === 4 ? rows : undefined;
      },
      { timeoutMs: 20_000, what: 'the threads' },
    );
    // Answered after 10, 20 and 40 minutes; the fourth never, and it is past due.
    const sla = new ThreadSla(prisma);
    for (const [i, minutes] of [10, 20, 40].entries())
      await sla.responseSent(threads[i]!.id, new Date(start + i * MINUTE + minutes * MINUTE));

    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    for (const groupBy of ['channel', 'team'] as const) {
      const report = await request(api.server)
        .get('/api/v1/sla-report')
        .query({ from: day(-1), to: day(1), groupBy })
        .set('authorization', admin)
        .expect(200);
      const row = report.body.rows.find(
        (r: { name: string }) =>
          r.name === (groupBy === 'team' ? 'Medborgarservice' : 'Rapportkanal'),
      );
      expect(row).toMatchObject({
        threads: 4,
        measured: 4,
        answeredInTime: 2,
        shareAnsweredInTime: 0.5,
        firstResponseMinutes: { median: 20, p90: 36 },
      });
    }
    const bad = await request(api.server)
      .get('/api/v1/sla-report')
      .query({ from: 'yesterday', to: day(1) })
      .set('authorization', admin)
      .expect(400);
    expect(bad.body.message).toMatch(/from must be a date/);
  });
});
