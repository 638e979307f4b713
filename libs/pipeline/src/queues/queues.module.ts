import { Global, Module } from '@nestjs/common';
import { JobQueues } from './job-queues.service';
import { JobWorkers } from './job-workers.service';

/** One set of queue connections per process; workers start only where something asks. */
@Global()
@Module({ providers: [JobQueues, JobWorkers], exports: [JobQueues, JobWorkers] })
export class QueuesModule {}
