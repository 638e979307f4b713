import { Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { PipelineModule } from '@svara/pipeline';
import { JobRetryRules } from './job-retry-rules';
import { QueueJobs } from './queue-jobs.service';
import { QueuesController } from './queues.controller';

/** API: the queues page's endpoints (the queue connections come from the global QueuesModule). */
@Module({
  imports: [PipelineModule, AuditModule],
  controllers: [QueuesController],
  providers: [QueueJobs, JobRetryRules],
})
export class QueueAdminModule {}
