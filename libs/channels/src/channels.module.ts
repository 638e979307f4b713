import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { NotificationsModule } from '@svara/notifications';
import { ITEM_NORMALIZERS, type ItemNormalizer, PipelineModule } from '@svara/pipeline';
import { ThreadSlaModule } from '@svara/thread-sla';
import { ChannelsAdminController } from './admin/channels-admin.controller';
import { ChannelsAdminService } from './admin/channels-admin.service';
import { InboundBatchesController } from './admin/inbound-batches.controller';
import { ChannelAdapters } from './channel-adapters.service';
import { ContactProfileReader } from './meta/contact-profile-reader.service';
import { GraphApi } from './meta/graph-api.service';
import { MetaWebhookIntake } from './meta/meta-webhook-intake.service';
import { MetaWebhookController } from './meta/meta-webhook.controller';
import { ChannelHealthRecorder } from './polling/channel-health';
import { ChannelPolls } from './polling/channel-polls.service';
import { PollSchedulerCron } from './polling/poll-scheduler.cron';
import { ChannelHealthMetrics } from './polling/channel-health.metrics';
import { PollProcessor } from './polling/poll.processor';
import { CHANNEL_ADAPTERS } from './registry';
import { SendProcessor } from './sending/send.processor';
import { ReplyMailboxes } from './web-form/reply-mailboxes';
import { WebFormIntake } from './web-form/web-form-intake.service';
import { WebFormController } from './web-form/web-form.controller';

/** The adapters, by type. Every process that touches a channel imports this. */
@Module({
  imports: [NotificationsModule],
  providers: [
    ...CHANNEL_ADAPTERS,
    {
      provide: ITEM_NORMALIZERS,
      inject: CHANNEL_ADAPTERS,
      useFactory: (...adapters: ItemNormalizer[]) => adapters,
    },
    GraphApi,
    ContactProfileReader,
    ChannelAdapters,
    ChannelPolls,
    ChannelHealthRecorder,
    ReplyMailboxes,
  ],
  exports: [ITEM_NORMALIZERS, ChannelAdapters, ChannelPolls, ChannelHealthRecorder, ReplyMailboxes],
})
export class ChannelsModule {
  /** API: public intake endpoints and channel administration. */
  static forApi(): DynamicModule {
    return {
      module: ChannelsApiModule,
      imports: [ChannelsModule, PipelineModule, AuditModule],
      controllers: [
        WebFormController,
        MetaWebhookController,
        ChannelsAdminController,
        InboundBatchesController,
      ],
      providers: [ChannelsAdminService, WebFormIntake, MetaWebhookIntake],
    };
  }

  /** Worker: ingest with the adapters' normalizers, polling and sending. */
  static forWorker(): DynamicModule {
    return {
      module: ChannelsWorkerModule,
      imports: [
        ChannelsModule,
        PipelineModule,
        PipelineModule.forWorker(ChannelsModule),
        ThreadSlaModule,
      ],
      providers: [PollProcessor, SendProcessor],
    };
  }

  /** Scheduler: queue polls that are due, and the pipeline's recovery sweeps. */
  static forScheduler(): DynamicModule {
    return {
      module: ChannelsSchedulerModule,
      imports: [ChannelsModule, PipelineModule.forScheduler()],
      providers: [PollSchedulerCron, ChannelHealthMetrics],
    };
  }
}

@Module({})
class ChannelsApiModule {}

@Module({})
class ChannelsWorkerModule {}

@Module({})
class ChannelsSchedulerModule {}
