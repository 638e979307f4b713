import { loadConfig } from '@svara/config';
import { SvaraMetrics } from '@svara/metrics';
import { HandlerMismatch, JobWorkers } from './job-workers.service';

describe('JobWorkers start-up checks', () => {
  const workers = new JobWorkers(
    loadConfig({ SECRETS_KEY: '0f'.repeat(32) }),
    new SvaraMetrics('worker'),
  );

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

describe('JobWorkers: every queue consumed', () => {
  it('names the queues of the catalogue that no worker consumes', () => {
    const workers = new JobWorkers(
      loadConfig({ SECRETS_KEY: '0f'.repeat(32) }),
      new SvaraMetrics('worker'),
    );
    expect(() => workers.assertEveryQueueConsumed()).toThrow(
      new HandlerMismatch(
        'No worker consumes the queue(s) ingest, poll, outbound, escalation, sla-recompute, retention, record-export, attachments',
      ),
    );
  });
});
