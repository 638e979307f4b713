import { JOB_QUEUE, jobId, jobNamesOf, QUEUES } from './job-catalogue';

describe('job catalogue', () => {
  it('routes every job to a declared queue', () => {
    const queues = new Set(Object.values(QUEUES));
    for (const queue of Object.values(JOB_QUEUE)) expect(queues.has(queue)).toBe(true);
    expect(jobNamesOf('ingest')).toEqual(['ingest-batch']);
  });

  it('makes job ids BullMQ accepts: deterministic and without ":"', () => {
    const id = jobId.ingestBatch('0f6c1d2e-1111-4222-8333-944455556666');
    expect(id).toBe(jobId.ingestBatch('0f6c1d2e-1111-4222-8333-944455556666'));
    expect(id).not.toContain(':');
    expect(jobId.buildRecordPackage('0f6c1d2e-1111-4222-8333-944455556666')).toBe(
      'record-export.0f6c1d2e-1111-4222-8333-944455556666',
    );
    expect(jobNamesOf('record-export')).toEqual(['build-record-package']);
  });

  it('names a hand-over of escalations by its content', () => {
    const level = (threadId: string, level: number) => ({
      threadId,
      target: 'firstResponse' as const,
      level,
      dueAt: '2026-11-24T15:00:00.000Z',
      stepAt: '2026-11-24T15:00:00.000Z',
    });
    const a = '0f6c1d2e-1111-4222-8333-944455556666';
    const b = '7a1b2c3d-1111-4222-8333-944455556666';
    const id = jobId.queueEscalations([level(a, 1), level(b, 1)]);
    expect(id).toBe(jobId.queueEscalations([level(a, 1), level(b, 1)]));
    expect(id).not.toBe(jobId.queueEscalations([level(a, 1), level(b, 2)]));
    expect(id).not.toBe(jobId.queueEscalations([level(a, 1)]));
    expect(id).not.toContain(':');
  });
});
