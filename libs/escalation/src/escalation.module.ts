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
import { RequestedRecomputationsCron } from './recompute/requested-recomputations.cron';
import { SlaRecomputeProcessor } from './recompute/sla-recompute.processor';
import { SlaReportController } from './report/sla-report.controller';
import { FailedEscalationsCron } from './retry/failed-escalations.cron';
import { SlaReportService } from './report/sla-report.service';
import { SlaSeriesService } from './report/sla-series.service';
import { LeadDashboardController } from './lead/lead-dashboard.controller';
import { LeadDashboardService } from './lead/lead-dashboard.service';
import { SlaScanCron } from './scan/sla-scan.cron';
import { SlaBacklogMetrics } from './scan/sla-backlog.metrics';
import { SlaScan } from './scan/sla-scan.service';

/** SLA policies and calendars, the SLA scan, escalation e-mail and the SLA report. */
@Module({})
export class EscalationModule {
  /** API: calendars and policies (admins), recomputation progress, the SLA report and series, the lead's dashboard. */
  static forApi(): DynamicModule {
    return {
      module: EscalationApiModule,
      controllers: [
        CalendarsController,
        SlaPoliciesController,
        SlaRecomputationsController,
        SlaReportController,
        LeadDashboardController,
      ],
      imports: [PipelineModule],
      providers: [
        CalendarsService,
        SlaPoliciesService,
        SlaReportService,
        SlaSeriesService,
        LeadDashboardService,
      ],
    };
  }

  /** Worker: mails escalations and recomputes due times after policy changes. */
  static forWorker(): DynamicModule {
    return {
      module: EscalationWorkerModule,
      imports: [NotificationsModule, ThreadSlaModule, PipelineModule],
      providers: [EscalationRecipientsResolver, EscalationProcessor, SlaRecomputeProcessor],
    };
  }

  /** Scheduler: the SLA scan and the sweeps, one replica at a time. */
  static forScheduler(): DynamicModule {
    return {
      module: EscalationSchedulerModule,
      providers: [
        SlaScan,
        SlaScanCron,
        FailedEscalationsCron,
        RequestedRecomputationsCron,
        SlaBacklogMetrics,
      ],
      imports: [PipelineModule],
    };
  }
}

@Module({})
class EscalationApiModule {}

@Module({})
class EscalationWorkerModule {}

@Module({})
class EscalationSchedulerModule {}
