import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { ChannelPolls } from '@svara/channels';
import { loadConfig } from '@svara/config';
import { bullConnection, bullPrefix, jobId } from '@svara/pipeline';
import { eventually, type RunningApi, startApi, testEnv, testQueue } from '@svara/testing';

describe('"fetch now" while a poll runs', () => {
  let api: RunningApi;
  let polls: ChannelPolls;

  beforeAll(async () => {
    api = await startApi();
    polls = api.app.get(ChannelPolls);
  });
  afterAll(() => api?.close());

  it('asks the running poll for one more pass, once; with none running it asks nothing', async () => {
    const channelId = randomUUID();
    const config = loadConfig(testEnv());
    const queue = testQueue('poll');
    // A poll that is only queued will read the source when it runs: nothing to ask.
    await polls.request(channelId);
    await polls.request(channelId);
    expect(await polls.takeRequestToPollAgain(channelId)).toBe(false);

    let finish!: () => void;
    const running = new Promise<void>((resolve) => (finish = resolve));
    // Stands in for the worker's poll of this channel, held until the test lets it end.
    const worker = new Worker(
      'poll',
      async (job) => (job.data.channelId === channelId ? running : undefined),
      { connection: bullConnection(config), prefix: bullPrefix(config) },
    );
    try {
      await eventually(async () =>
        (await queue.getJob(jobId.pollChannel(channelId)))?.isActive().then((a) => a || undefined),
      );
      await polls.request(channelId);
      expect(await polls.takeRequestToPollAgain(channelId)).toBe(true);
      expect(await polls.takeRequestToPollAgain(channelId)).toBe(false);
    } finally {
      finish();
      await worker.close();
      await queue.close();
    }
  });
});
