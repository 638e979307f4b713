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
    const move = (threadId: string, seenAt = '2026-11-24T15:00:00.000Z') => ({
      threadId,
      seenAt,
      nextEscalationAt: null,
      slaState: 'BREACHED' as const,
      escalationLevel: 1,
    });
    const a = '0f6c1d2e-1111-4222-8333-944455556666';
    const b = '7a1b2c3d-1111-4222-8333-944455556666';
    const handOver = (escalations = [level(a, 1), level(b, 1)], moves = [move(a), move(b)]) =>
      jobId.queueEscalations({ escalations, moves });
    const id = handOver();
    expect(id).toBe(handOver());
    expect(id).not.toBe(handOver([level(a, 1), level(b, 2)]));
    expect(id).not.toBe(handOver([level(a, 1)]));
    // Threads moving on without an escalation (a warning, say) tell hand-overs apart too.
    expect(handOver([], [move(a)])).not.toBe(handOver([], [move(b)]));
    expect(handOver([], [move(a)])).not.toBe(handOver([], [move(a, '2026-11-24T16:00:00.000Z')]));
    expect(id).not.toContain(':');
  });
});
