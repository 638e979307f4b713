import { summarizeJob } from './job-summary';

describe('summarizeJob', () => {
  it('shows the ids a job works on', () => {
    expect(summarizeJob('ingest-batch', { batchId: 'b-1', correlationId: 'req-9' })).toEqual([
      { name: 'batch', value: 'b-1' },
    ]);
  });

  it('shows how much a scan handed over, not the threads it found', () => {
    const escalation = {
      threadId: 't-1',
      target: 'firstResponse',
      level: 1,
      dueAt: '2026-12-01T10:00:00.000Z',
      stepAt: '2026-12-01T10:00:00.000Z',
    };
    expect(summarizeJob('queue-escalations', { escalations: [escalation, escalation] })).toEqual([
      { name: 'escalations', value: '2' },
      { name: 'moves', value: '0' },
    ]);
  });

  it('shows nothing of a job the catalogue does not know, or of data it cannot read', () => {
    expect(summarizeJob('send-mail', { to: 'anna@example.se', text: 'Hej' })).toEqual([]);
    expect(summarizeJob('queue-escalations', { moves: [] })).toEqual([]);
    expect(summarizeJob('ingest-batch', null)).toEqual([]);
  });
});
