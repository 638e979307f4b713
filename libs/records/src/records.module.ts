import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { RecordArchiver } from './archive/record-archiver.service';
import { RecordExportCompletion } from './exports/record-export-completion.service';
import { RecordExportQueue } from './exports/record-export-queue.service';
import { RecordExportRecoveryCron } from './exports/record-export-recovery.cron';
import { RecordExportRequests } from './exports/record-export-requests.service';
import { RecordExportProcessor } from './exports/record-export.processor';
import { RecordExportsController } from './exports/record-exports.controller';
import { RecordPackageBuilder } from './package/record-package.builder';

/**
 * Record packages of threads, for registration and archiving. Imported as it
 * is, it offers RecordArchiver to worker-side modules (retention).
 */
@Module({
  imports: [AuditModule],
  providers: [RecordPackageBuilder, RecordExportCompletion, RecordArchiver],
  exports: [RecordPackageBuilder, RecordExportCompletion, RecordArchiver],
})
export class RecordsModule {
  /** API: requesting exports, following them, downloading packages. */
  static forApi(): DynamicModule {
    return {
      module: RecordsApiModule,
      controllers: [RecordExportsController],
      providers: [RecordExportQueue, RecordExportRequests],
    };
  }

  /** Worker: builds requested packages. */
  static forWorker(): DynamicModule {
    return {
      module: RecordsWorkerModule,
      imports: [RecordsModule],
      providers: [RecordExportProcessor],
    };
  }

  /** Scheduler: queues again exports whose jobs Redis lost. */
  static forScheduler(): DynamicModule {
    return {
      module: RecordsSchedulerModule,
      providers: [RecordExportQueue, RecordExportRecoveryCron],
    };
  }
}

@Module({})
class RecordsApiModule {}

@Module({})
class RecordsWorkerModule {}

@Module({})
class RecordsSchedulerModule {}
