import request from 'supertest';
import { createSlaSetup, createThread, login, startApi, type RunningApi } from '@svara/testing';

describe('SLA report scope', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  /** A thread of the setup's channel and team, counted by the report for today. */
  async function reportedThread(setup: Awaited<ReturnType<typeof createSlaSetup>>) {
    const thread = await createThread(api.prisma, {
      channelId: setup.channel.id,
      teamId: setup.team.id,
    });
    await api.prisma.thread.update({
      where: { id: thread.id },
      data: { slaPolicyId: setup.policy.id, slaStartedAt: new Date() },
    });
  }

  it("shows a lead their teams' figures only, as the inbox does", async () => {
    const ours = await createSlaSetup(api.prisma);
    const theirs = await createSlaSetup(api.prisma);
    await reportedThread(ours);
    await reportedThread(theirs);
    await reportedThread(theirs);
    const lead = await login(api, ours.lead.email);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

    for (const groupBy of ['team', 'channel'] as const) {
      const report = await request(api.server)
        .get('/api/v1/sla-report')
        .query({ from: day(-1), to: day(1), groupBy })
        .set('authorization', lead)
        .expect(200);
      expect(report.body.rows).toEqual([
        expect.objectContaining({
          name: groupBy === 'team' ? ours.team.name : ours.channel.name,
          threads: 1,
        }),
      ]);
    }

    const otherLead = await login(api, theirs.lead.email);
    const theirReport = await request(api.server)
      .get('/api/v1/sla-report')
      .query({ from: day(-1), to: day(1), groupBy: 'team' })
      .set('authorization', otherLead)
      .expect(200);
    expect(theirReport.body.rows).toEqual([
      expect.objectContaining({ name: theirs.team.name, threads: 2 }),
    ]);
  });
});
