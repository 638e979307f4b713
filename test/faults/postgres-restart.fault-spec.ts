import { type ChildProcess, execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  PrivatePostgres,
  type RunningApi,
  createWebFormChannel,
  formTraffic,
  storedExternalIds,
  eventually,
  exited,
  spawnApp,
  startApi,
  testEnv,
  webFormItem,
} from '@svara/testing';
import { InboundBatches, JobQueues, jobId } from '@svara/pipeline';

const MIGRATE_CLI = path.resolve(__dirname, '../../dist/libs/database/src/migrations/cli.js');

// Postgres goes down hard (every connection dropped) in the middle of ingest
// and comes back. What was accepted before arrives once; while it is down,
// intake answers with a clear error instead of hanging or pretending.
describe('Postgres restarted during ingest', () => {
  let postgres: PrivatePostgres;
  let api: RunningApi;
  let processes: ChildProcess[] = [];

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    const env = {
      DATABASE_URL: postgres.url('svara'),
      FORM_RATE_LIMIT_PER_MINUTE: '100000',
    };
    execFileSync(process.execPath, [MIGRATE_CLI, 'deploy'], {
      env: { ...process.env, ...testEnv(env) },
      stdio: 'ignore',
    });
    api = await startApi(env);
    processes = [spawnApp('worker', env), spawnApp('scheduler', env)];
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(exited));
    await api?.close();
    await postgres?.destroy();
  });

  it('recovers on its own and stores every accepted message once', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const traffic = formTraffic(api, channel.id);

    await traffic.submitFor(1500);
    // A large batch is being written when the database goes away.
    const big = Array.from({ length: 3000 }, () => webFormItem());
    const bigBatch = await api.app.get(InboundBatches).accept(channel.id, 'POLL', big);
    const queue = api.app.get(JobQueues).queue('ingest');
    await eventually(
      async () =>
        (await queue.getJobState(jobId.ingestBatch(bigBatch))) === 'active' ? true : undefined,
      { timeoutMs: 20_000, what: 'the large batch to be in progress' },
    );
    await postgres.down();
    for (let n = 0; n < 5; n += 1) await traffic.submit();
    await postgres.up();
    await traffic.submitFor(1500);

    // Refusals happened only while the database was down, and said so.
    expect(traffic.refused.length).toBeGreaterThan(0);
    expect(traffic.refused.every((status) => status >= 500)).toBe(true);
    const expected = [...traffic.accepted, ...big.map((item) => item.id)];
    expect(await storedExternalIds(api.prisma, channel.id, expected.length, 60_000)).toEqual(
      expected.sort(),
    );
  });
});
