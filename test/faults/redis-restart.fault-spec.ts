import type { ChildProcess } from 'node:child_process';
import {
  PrivateRedis,
  type RunningApi,
  createWebFormChannel,
  formTraffic,
  storedExternalIds,
  exited,
  spawnApp,
  startApi,
} from '@svara/testing';

// Redis is restarted (killed, and back empty: these machines keep nothing on
// disk) while citizens keep submitting forms. Everything accepted arrives once.
describe('Redis restarted during ingest', () => {
  let redis: PrivateRedis;
  let api: RunningApi;
  let processes: ChildProcess[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const env = { REDIS_URL: redis.url, FORM_RATE_LIMIT_PER_MINUTE: '100000' };
    api = await startApi(env);
    processes = [spawnApp('worker', env), spawnApp('scheduler', env)];
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(exited));
    await api?.close();
    await redis?.down();
  });

  it('loses and duplicates nothing, with no manual step', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const traffic = formTraffic(api, channel.id);

    await traffic.submitFor(1500);
    await redis.down();
    const acceptedBefore = traffic.accepted.length;
    await traffic.submitFor(1500);
    const acceptedDuringOutage = traffic.accepted.length - acceptedBefore;
    await redis.up();
    await traffic.submitFor(1500);

    expect(traffic.refused).toEqual([]);
    expect(acceptedDuringOutage).toBeGreaterThan(0);
    expect(await storedExternalIds(api.prisma, channel.id, traffic.accepted.length)).toEqual(
      [...traffic.accepted].sort(),
    );
    expect(
      await api.prisma.inboundBatch.count({
        where: { channelId: channel.id, status: { not: 'DONE' } },
      }),
    ).toBe(0);
  });
});
