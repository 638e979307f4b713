import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { ErasureModule } from '@svara/erasure';
import { PipelineModule } from '@svara/pipeline';
import { RecordsModule } from '@svara/records';
import { RetentionPoliciesController } from './policies/retention-policies.controller';
import { RetentionPolicies } from './policies/retention-policies.service';
import { ExpiredRecords } from './prune/expired-records.service';
import { RetentionApplier } from './runs/retention-applier.service';
import { RetentionRunsController } from './runs/retention-runs.controller';
import { RetentionRuns } from './runs/retention-runs.service';
import { RetentionProcessor } from './runs/retention.processor';
import { RetentionCron } from './schedule/retention.cron';

/** Retention policies: when closed threads are deleted, anonymized or archived and deleted. */
@Module({})
export class RetentionModule {
  /** API: policies (admins), dry runs, starting runs and reading their progress. */
  static forApi(): DynamicModule {
    return {
      module: RetentionApiModule,
      imports: [AuditModule],
      controllers: [RetentionPoliciesController, RetentionRunsController],
      providers: [RetentionPolicies, RetentionRuns],
    };
  }

  /** Worker: applies runs and prunes expired records. */
  static forWorker(): DynamicModule {
    return {
      module: RetentionWorkerModule,
      imports: [AuditModule, ErasureModule, PipelineModule, RecordsModule],
      providers: [RetentionApplier, ExpiredRecords, RetentionProcessor],
    };
  }

  /** Scheduler: the daily start and the sweep for lost jobs. */
  static forScheduler(): DynamicModule {
    return {
      module: RetentionSchedulerModule,
      providers: [RetentionRuns, RetentionCron],
    };
  }
}

@Module({})
class RetentionApiModule {}

@Module({})
class RetentionWorkerModule {}

@Module({})
class RetentionSchedulerModule {}
