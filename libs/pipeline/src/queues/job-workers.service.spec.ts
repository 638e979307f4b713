import { loadConfig } from '@svara/config';
import { HandlerMismatch, JobWorkers } from './job-workers.service';

describe('JobWorkers start-up checks', () => {
  const workers = new JobWorkers(loadConfig({}));

  it('refuses a queue whose job names lack a handler', () => {
    expect(() => workers.start('ingest', {} as never, { concurrency: 1 })).toThrow(
      new HandlerMismatch('Queue "ingest" handles [] but its jobs are [ingest-batch]'),
    );
  });

  it('refuses handlers for jobs that travel on another queue', () => {
    expect(() =>
      workers.start(
        'ingest',
        { 'ingest-batch': async () => undefined, 'poll-channel': async () => undefined } as never,
        { concurrency: 1 },
      ),
    ).toThrow(HandlerMismatch);
  });
});
