import { randomUUID } from 'node:crypto';
import { SchedulerRegistry } from '@nestjs/schedule';
import { loadConfig } from '@svara/config';
import { RedisClient } from '@svara/database';
import { LeasedSchedules } from '@svara/pipeline';
import { eventually, testEnv } from '@svara/testing';

/** One scheduler replica's schedules, on the run's Redis. */
function replica() {
  const redis = new RedisClient(loadConfig(testEnv()));
  const registry = new SchedulerRegistry();
  const schedules = new LeasedSchedules(redis, registry);
  return {
    schedules,
    registry,
    async stop() {
      await schedules.onApplicationShutdown();
      await redis.onApplicationShutdown();
    },
  };
}

describe('leased schedules', () => {
  it('runs interval work on one replica at a time, and another takes over when it stops', async () => {
    const name = `test-${randomUUID()}`;
    const [first, second] = [replica(), replica()];
    const ran = { first: 0, second: 0 };
    first.schedules.every(name, 50, async () => void (ran.first += 1));
    await eventually(async () => (ran.first >= 3 ? true : undefined));
    second.schedules.every(name, 50, async () => void (ran.second += 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ran.second).toBe(0);

    // A replica that stops gives its lease back: the other carries on at once.
    await first.stop();
    expect(first.registry.getIntervals()).toEqual([]);
    await eventually(async () => (ran.second >= 3 ? true : undefined), { timeoutMs: 3000 });
    await second.stop();
  });

  it('never runs a tick while the previous one is still running', async () => {
    const name = `test-${randomUUID()}`;
    const one = replica();
    let running = 0;
    let overlapped = false;
    let ticks = 0;
    one.schedules.every(name, 20, async () => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
      ticks += 1;
    });
    await eventually(async () => (ticks >= 3 ? true : undefined));
    await one.stop();
    expect(overlapped).toBe(false);
  });

  it('runs daily work once a local day, whichever replica claims the day first', async () => {
    const name = `test-${randomUUID()}`;
    const replicas = [replica(), replica(), replica()];
    const days: string[] = [];
    const runs = replicas.map(({ schedules }) =>
      schedules.daily(name, { at: '02:30', timeZone: 'Europe/Stockholm' }, async (day) => {
        days.push(day);
        return day;
      }),
    );
    // 23:30 UTC on 5 December is already 6 December in Stockholm.
    const now = new Date('2026-12-05T23:30:00Z');
    const results = await Promise.all(runs.map((run) => run.runFor(now)));
    expect(results.filter((result) => result !== null)).toEqual(['2026-12-06']);
    expect(await runs[0]!.runFor(new Date('2026-12-06T10:00:00Z'))).toBeNull();
    expect(await runs[1]!.runFor(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(days).toEqual(['2026-12-06', '2026-12-07']);
    expect(replicas[0]!.registry.getCronJobs().has(name)).toBe(true);
    await Promise.all(replicas.map((r) => r.stop()));
    expect(replicas[0]!.registry.getCronJobs().has(name)).toBe(false);
  });
});
