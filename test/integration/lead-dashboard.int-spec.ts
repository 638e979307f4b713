import request from 'supertest';
import {
  createSlaSetup,
  createThread,
  createUser,
  login,
  startApi,
  type RunningApi,
} from '@svara/testing';

const MINUTE = 60_000;

describe("the team lead's dashboard", () => {
  let api: RunningApi;
  let ours: Awaited<ReturnType<typeof createSlaSetup>>;
  let theirs: Awaited<ReturnType<typeof createSlaSetup>>;
  let agent: Awaited<ReturnType<typeof createUser>>;
  const ids: Record<string, string> = {};

  /** An open thread of a setup's team under its policy (round the clock), due in `dueIn` ms. */
  async function teamThread(
    setup: typeof ours,
    name: string,
    fields: {
      slaState: 'OK' | 'WARNING' | 'BREACHED';
      dueIn: number;
      assigneeId?: string;
      waitingFor?: number;
      status?: 'OPEN' | 'CLOSED';
    },
  ) {
    const wroteAt = new Date(Date.now() - (fields.waitingFor ?? 5 * MINUTE));
    const thread = await createThread(api.prisma, {
      channelId: setup.channel.id,
      teamId: setup.team.id,
      subject: name,
      slaState: fields.slaState,
      dueAt: new Date(Date.now() + fields.dueIn),
      assigneeId: fields.assigneeId ?? null,
      status: fields.status ?? 'OPEN',
      lastMessageAt: wroteAt,
    });
    await api.prisma.thread.update({
      where: { id: thread.id },
      data: {
        slaPolicyId: setup.policy.id,
        lastInboundAt: fields.waitingFor === undefined ? null : wroteAt,
      },
    });
    ids[name] = thread.id;
  }

  beforeAll(async () => {
    api = await startApi();
    ours = await createSlaSetup(api.prisma);
    theirs = await createSlaSetup(api.prisma);
    agent = await createUser(api.prisma, { role: 'AGENT', teamIds: [ours.team.id] });
    await teamThread(ours, 'breached', {
      slaState: 'BREACHED',
      dueIn: -30 * MINUTE,
      assigneeId: agent.id,
    });
    await teamThread(ours, 'warned', {
      slaState: 'WARNING',
      dueIn: 3 * 60 * MINUTE,
      waitingFor: 2 * 60 * MINUTE,
    });
    await teamThread(ours, 'due soon', {
      slaState: 'OK',
      dueIn: 30 * MINUTE,
      waitingFor: 60 * MINUTE,
    });
    await teamThread(ours, 'in time', { slaState: 'OK', dueIn: 3 * 60 * MINUTE });
    await teamThread(ours, 'closed', {
      slaState: 'BREACHED',
      dueIn: -60 * MINUTE,
      status: 'CLOSED',
    });
    await teamThread(theirs, 'their breach', { slaState: 'BREACHED', dueIn: -10 * MINUTE });
  });
  afterAll(() => api?.close());

  const subjects = (threads: { subject: string | null }[]) => threads.map((t) => t.subject);

  it("shows a lead their team's breached, at-risk, waiting and unassigned threads and each member's load", async () => {
    const lead = await login(api, ours.lead.email);
    const { body } = await request(api.server)
      .get('/api/v1/lead-dashboard')
      .set('authorization', lead)
      .expect(200);

    expect(body.teams).toEqual([{ id: ours.team.id, name: ours.team.name }]);
    expect(body.team).toEqual({ id: ours.team.id, name: ours.team.name });
    expect(body.breached).toMatchObject({ count: 1, capped: false });
    expect(subjects(body.breached.threads)).toEqual(['breached']);
    expect(body.breached.threads[0]).toMatchObject({
      id: ids.breached,
      assigneeId: agent.id,
      assigneeName: agent.name,
      channelName: ours.channel.name,
      slaState: 'BREACHED',
    });
    // Warned, or due within the next working hour (the calendar is open round the clock).
    expect(body.atRisk.count).toBe(2);
    expect(subjects(body.atRisk.threads)).toEqual(['due soon', 'warned']);
    expect(subjects(body.oldestWaiting)).toEqual(['warned', 'due soon']);
    expect(body.oldestWaiting[0].waitingSince).not.toBeNull();
    expect(body.unassigned).toBe(3);
    expect(body.agents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: agent.id, open: 1, breached: 1, isLead: false }),
        expect.objectContaining({ userId: ours.lead.id, open: 0, breached: 0, isLead: true }),
      ]),
    );
    expect(body.agents).toHaveLength(2);
  });

  it("does not show a lead another team's dashboard, nor an agent any", async () => {
    const lead = await login(api, ours.lead.email);
    await request(api.server)
      .get('/api/v1/lead-dashboard')
      .query({ teamId: theirs.team.id })
      .set('authorization', lead)
      .expect(404);
    await request(api.server)
      .get('/api/v1/lead-dashboard')
      .query({ teamId: 'not-a-team' })
      .set('authorization', lead)
      .expect(400);
    await request(api.server)
      .get('/api/v1/lead-dashboard')
      .set('authorization', await login(api, agent.email))
      .expect(403);
  });

  it('shows an admin every team, each with its own threads', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' });
    const token = await login(api, admin.email);
    const { body } = await request(api.server)
      .get('/api/v1/lead-dashboard')
      .query({ teamId: theirs.team.id })
      .set('authorization', token)
      .expect(200);
    expect(body.teams.map((team: { id: string }) => team.id)).toEqual(
      expect.arrayContaining([ours.team.id, theirs.team.id]),
    );
    expect(subjects(body.breached.threads)).toEqual(['their breach']);
    expect(body.atRisk.count).toBe(0);
  });
});

describe('the SLA report as a time series', () => {
  let api: RunningApi;
  let ours: Awaited<ReturnType<typeof createSlaSetup>>;
  let theirs: Awaited<ReturnType<typeof createSlaSetup>>;

  /** A thread whose first-response clock started at `startedAt`, answered after `minutes`. */
  async function reported(setup: typeof ours, startedAt: string, minutes: number, met: boolean) {
    const thread = await createThread(api.prisma, {
      channelId: setup.channel.id,
      teamId: setup.team.id,
    });
    const start = new Date(startedAt);
    await api.prisma.thread.update({
      where: { id: thread.id },
      data: {
        slaPolicyId: setup.policy.id,
        slaStartedAt: start,
        firstResponseAt: new Date(start.getTime() + minutes * MINUTE),
        firstResponseDueAt: new Date(start.getTime() + 60 * MINUTE),
        firstResponseMins: minutes,
        firstResponseMet: met,
      },
    });
    return thread;
  }

  beforeAll(async () => {
    api = await startApi();
    ours = await createSlaSetup(api.prisma);
    theirs = await createSlaSetup(api.prisma);
    // Monday 2 November 2026; Stockholm is UTC+1.
    await reported(ours, '2026-11-02T10:00:00Z', 30, true);
    const late = await reported(ours, '2026-11-02T12:00:00Z', 90, false);
    // 00:30 on Tuesday in Stockholm, still Monday in UTC.
    await reported(ours, '2026-11-02T23:30:00Z', 10, true);
    await reported(theirs, '2026-11-02T10:00:00Z', 5, true);
    await api.prisma.escalation.create({
      data: {
        threadId: late.id,
        target: 'firstResponse',
        level: 1,
        dueAt: new Date('2026-11-02T13:00:00Z'),
        stepAt: new Date('2026-11-02T13:00:00Z'),
        status: 'SENT',
        sentAt: new Date('2026-11-02T13:00:05Z'),
        recipients: [ours.lead.email],
      },
    });
  });
  afterAll(() => api?.close());

  const series = (token: string, query: Record<string, string>) =>
    request(api.server).get('/api/v1/sla-report/series').query(query).set('authorization', token);

  it("gives a lead their team's figures per day of Stockholm's calendar", async () => {
    const lead = await login(api, ours.lead.email);
    const { body } = await series(lead, { from: '2026-11-02', to: '2026-11-04' }).expect(200);
    expect(body).toMatchObject({
      bucket: 'day',
      timeZone: 'Europe/Stockholm',
      buckets: ['2026-11-02', '2026-11-03'],
    });
    expect(body.byChannelType).toEqual([
      {
        bucket: '2026-11-02',
        channelType: 'WEB_FORM',
        threads: 2,
        measured: 2,
        answeredInTime: 1,
        shareAnsweredInTime: 0.5,
        p50: 60,
        p90: 84,
      },
      expect.objectContaining({
        bucket: '2026-11-03',
        threads: 1,
        shareAnsweredInTime: 1,
        p50: 10,
      }),
    ]);
    expect(body.byTeam).toEqual([
      expect.objectContaining({ bucket: '2026-11-02', teamName: ours.team.name, threads: 2 }),
      expect.objectContaining({ bucket: '2026-11-03', teamName: ours.team.name, threads: 1 }),
    ]);
    expect(body.volumes).toEqual([
      expect.objectContaining({ bucket: '2026-11-02', channelId: ours.channel.id, threads: 2 }),
      expect.objectContaining({ bucket: '2026-11-03', channelId: ours.channel.id, threads: 1 }),
    ]);
    expect(body.escalations).toEqual([
      { bucket: '2026-11-02', sent: 1 },
      { bucket: '2026-11-03', sent: 0 },
    ]);
  });

  it('counts days in the time zone asked for, and weeks from Monday', async () => {
    const lead = await login(api, ours.lead.email);
    const utc = await series(lead, {
      from: '2026-11-02',
      to: '2026-11-04',
      timeZone: 'UTC',
    }).expect(200);
    expect(utc.body.byChannelType).toEqual([
      expect.objectContaining({ bucket: '2026-11-02', threads: 3 }),
    ]);
    const weeks = await series(lead, {
      from: '2026-11-04',
      to: '2026-11-10',
      bucket: 'week',
    }).expect(200);
    // The week of 2 November, though the range begins on Wednesday the 4th:
    // only threads from the 4th on count, and there are none.
    expect(weeks.body.buckets).toEqual(['2026-11-02', '2026-11-09']);
    expect(weeks.body.byChannelType).toEqual([]);
    const whole = await series(lead, {
      from: '2026-11-02',
      to: '2026-11-09',
      bucket: 'week',
    }).expect(200);
    expect(whole.body.byTeam).toEqual([
      expect.objectContaining({ bucket: '2026-11-02', threads: 3, answeredInTime: 2 }),
    ]);
  });

  it('shows an admin every team, or the one asked for', async () => {
    const admin = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
    const all = await series(admin, { from: '2026-11-02', to: '2026-11-03' }).expect(200);
    expect(all.body.byTeam.map((row: { teamName: string }) => row.teamName).sort()).toEqual(
      [ours.team.name, theirs.team.name].sort(),
    );
    const theirsOnly = await series(admin, {
      from: '2026-11-02',
      to: '2026-11-03',
      teamId: theirs.team.id,
    }).expect(200);
    expect(theirsOnly.body.byTeam).toEqual([
      expect.objectContaining({ teamName: theirs.team.name, threads: 1 }),
    ]);
    expect(theirsOnly.body.escalations).toEqual([{ bucket: '2026-11-02', sent: 0 }]);
  });

  it('refuses ranges, buckets and teams it cannot report on, in words', async () => {
    const lead = await login(api, ours.lead.email);
    const refused = async (query: Record<string, string>, status: number) =>
      (await series(lead, query).expect(status)).body.message;
    expect(await refused({ from: '2026-11-04', to: '2026-11-02' }, 400)).toMatch(/later than from/);
    expect(await refused({ from: '2025-01-01', to: '2026-02-01' }, 400)).toMatch(/366 days/);
    expect(
      JSON.stringify(await refused({ from: '2026-11-01', to: '2026-11-02', bucket: 'month' }, 400)),
    ).toMatch(/day or week/);
    expect(
      JSON.stringify(
        await refused({ from: '2026-11-01', to: '2026-11-02', timeZone: 'Mars/Olympus' }, 400),
      ),
    ).toMatch(/IANA time zone/);
    await series(lead, { from: '2026-11-01', to: '2026-11-02', teamId: theirs.team.id }).expect(
      404,
    );
    // A full year and a day (a leap year's length) is allowed.
    await series(lead, { from: '2027-01-01', to: '2028-01-02' }).expect(200);
  });
});
