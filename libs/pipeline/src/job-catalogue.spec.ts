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
});
