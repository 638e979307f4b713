import { Global, Module } from '@nestjs/common';
import { DurableJobs } from './durable-jobs';
import { JobQueues } from './job-queues.service';
import { JobWorkers } from './job-workers.service';

/** One set of queue connections per process; workers start only where something asks. */
@Global()
@Module({
  providers: [JobQueues, JobWorkers, DurableJobs],
  exports: [JobQueues, JobWorkers, DurableJobs],
})
export class QueuesModule {}
