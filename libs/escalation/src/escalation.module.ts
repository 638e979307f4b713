import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationsModule } from '@svara/notifications';
import { PipelineModule } from '@svara/pipeline';
import { ThreadSlaModule } from '@svara/thread-sla';
import { CalendarsController } from './admin/calendars.controller';
import { CalendarsService } from './admin/calendars.service';
import {
  SlaPoliciesController,
  SlaRecomputationsController,
} from './admin/sla-policies.controller';
import { SlaPoliciesService } from './admin/sla-policies.service';
import { EscalationRecipientsResolver } from './notify/escalation-recipients.service';
import { EscalationProcessor } from './notify/escalation.processor';
import { SlaRecomputeProcessor } from './recompute/sla-recompute.processor';
import { SlaReportController } from './report/sla-report.controller';
import { FailedEscalationsCron } from './retry/failed-escalations.cron';
import { SlaReportService } from './report/sla-report.service';
import { SlaScanCron } from './scan/sla-scan.cron';
import { SlaScan } from './scan/sla-scan.service';

/** SLA policies and calendars, the SLA scan, escalation e-mail and the SLA report. */
@Module({})
export class EscalationModule {
  /** API: calendars and policies (admins), recomputation progress, the SLA report. */
  static forApi(): DynamicModule {
    return {
      module: EscalationApiModule,
      controllers: [
        CalendarsController,
        SlaPoliciesController,
        SlaRecomputationsController,
        SlaReportController,
      ],
      imports: [PipelineModule],
      providers: [CalendarsService, SlaPoliciesService, SlaReportService],
    };
  }

  /** Worker: mails escalations and recomputes due times after policy changes. */
  static forWorker(): DynamicModule {
    return {
      module: EscalationWorkerModule,
      imports: [NotificationsModule, ThreadSlaModule],
      providers: [EscalationRecipientsResolver, EscalationProcessor, SlaRecomputeProcessor],
    };
  }

  /** Scheduler: the SLA scan, one replica at a time. */
  static forScheduler(): DynamicModule {
    return {
      module: EscalationSchedulerModule,
      providers: [SlaScan, SlaScanCron, FailedEscalationsCron],
    };
  }
}

@Module({})
class EscalationApiModule {}

@Module({})
class EscalationWorkerModule {}

@Module({})
class EscalationSchedulerModule {}
