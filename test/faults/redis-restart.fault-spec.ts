import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import {
  PrivateRedis,
  type RunningApi,
  createWebFormChannel,
  eventually,
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
    const accepted: string[] = [];
    const refused: number[] = [];
    const submit = async (i: number) => {
      const response = await request(api.server)
        .post(`/api/v1/forms/${channel.id}/submissions`)
        .send({ name: `Medborgare ${i}`, email: `person${i}@example.se`, message: `Fråga ${i}` });
      if (response.status === 202) accepted.push(response.body.id);
      else refused.push(response.status);
    };

    let i = 0;
    const before = Date.now();
    while (Date.now() - before < 1500) await submit(i++);
    await redis.down();
    const outage = Date.now();
    const acceptedBefore = accepted.length;
    while (Date.now() - outage < 1500) await submit(i++);
    const acceptedDuringOutage = accepted.length - acceptedBefore;
    await redis.up();
    const after = Date.now();
    while (Date.now() - after < 1500) await submit(i++);

    expect(refused).toEqual([]);
    expect(acceptedDuringOutage).toBeGreaterThan(0);
    const messages = await eventually(
      async () => {
        const rows = await api.prisma.message.findMany({
          where: { channelId: channel.id },
          select: { externalId: true },
        });
        return rows.length >= accepted.length ? rows : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 500, what: `${accepted.length} messages` },
    );
    expect(messages.map((m) => m.externalId).sort()).toEqual([...accepted].sort());
    expect(
      await api.prisma.inboundBatch.count({
        where: { channelId: channel.id, status: { not: 'DONE' } },
      }),
    ).toBe(0);
  });
});
