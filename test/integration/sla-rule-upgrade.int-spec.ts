import type { INestApplicationContext } from '@nestjs/common';
import { InboundBatches } from '@svara/pipeline';
import {
  eventually,
  startApi,
  startScheduler,
  startWorker,
  type RunningApi,
  webFormItem,
} from '@svara/testing';

/**
 * A migration that changes an SLA rule asks for its policies' open threads to
 * be recomputed; the scheduler sees it through, once.
 */
describe('due times recomputed after an SLA rule changes', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let scheduler: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await scheduler?.close();
    await worker?.close();
    await api?.close();
  });

  it('moves a working-day deadline computed by the old rule to the new one', async () => {
    const { prisma } = api;
    const calendar = await prisma.businessCalendar.create({
      data: {
        name: 'Kommunhuset (upgrade)',
        timeZone: 'Europe/Stockholm',
        weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })),
        holidayCountries: ['SE'],
      },
    });
    const policy = await prisma.slaPolicy.create({
      data: {
        name: 'Nästa arbetsdag (upgrade)',
        calendarId: calendar.id,
        firstResponse: { workingDays: 1 },
      },
    });
    const channel = await prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Upgrade',
        slaPolicyId: policy.id,
        backfillSince: new Date('2026-11-01T00:00:00Z'),
      },
    });
    // Friday 20 November 2026, 18:00 in Stockholm.
    const item = webFormItem({ submittedAt: '2026-11-20T17:00:00.000Z' });
    await worker.get(InboundBatches).accept(channel.id, 'FORM', [item]);
    const thread = await eventually(
      async () =>
        (await prisma.thread.findFirst({
          where: { channelId: channel.id, externalId: item.id, firstResponseDueAt: { not: null } },
        })) ?? undefined,
      { timeoutMs: 20_000, what: 'the thread with its due time' },
    );
    const monday = '2026-11-23T15:00:00.000Z';
    expect(thread.firstResponseDueAt!.toISOString()).toBe(monday);

    // As the old rule stored it: Friday evening counted as Monday, due Tuesday.
    const tuesday = '2026-11-24T15:00:00.000Z';
    await prisma.$executeRaw`
      UPDATE threads SET "firstResponseDueAt" = ${tuesday}::timestamptz,
        "slaDeadlines" = jsonb_set("slaDeadlines", '{0,dueAt}', to_jsonb(${tuesday}::text))
      WHERE id = ${thread.id}::uuid`;
    await prisma.slaRecomputationRequest.create({
      data: { id: 'test-working-days', reason: 'a rule changed', policyIds: [policy.id] },
    });

    scheduler = await startScheduler();
    const done = await eventually(
      async () =>
        (await prisma.slaRecomputationRequest.findFirst({
          where: { id: 'test-working-days', completedAt: { not: null } },
        })) ?? undefined,
      { timeoutMs: 30_000, what: 'the request to be seen through' },
    );
    expect(done.completedAt).toBeInstanceOf(Date);
    const recomputed = await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(recomputed.firstResponseDueAt!.toISOString()).toBe(monday);

    // The migration's own request named no policy (none existed): completed at once.
    const shipped = await prisma.slaRecomputationRequest.findUniqueOrThrow({
      where: { id: 'working-days-from-arrival-day' },
    });
    expect(shipped.policyIds).toEqual([]);
    expect(shipped.completedAt).toBeInstanceOf(Date);
  });
});
