import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ThreadSlaModule } from '@svara/thread-sla';
import { AttachmentIntake } from './attachments/attachment-intake';
import { BlobSweep } from './attachments/blob-sweep.service';
import { BlobSweepCron } from './attachments/blob-sweep.cron';
import { FetchAttachmentProcessor } from './attachments/fetch-attachment.processor';
import { PendingAttachments } from './attachments/pending-attachments.service';
import { ReplyFiles } from './attachments/reply-files';
import { UnreferencedBlobs } from './attachments/unreferenced-blobs.service';
import { InboxEvents } from './events/inbox-events';
import { IngestProcessor } from './ingest/ingest.processor';
import { InboundBatches } from './ingest/inbound-batches.service';
import { MessageWriter } from './ingest/message-writer.service';
import { InboundRecoveryCron } from './ingest/recovery.cron';
import { RemovedOnSource } from './ingest/removed-on-source.service';
import { OutboundMessages } from './outbound/outbound-messages.service';
import { SlaRecomputations } from './sla/sla-recomputations.service';

/** Producers: what the API and channel pollers need to hand work to the pipeline. */
@Module({
  providers: [
    InboundBatches,
    OutboundMessages,
    SlaRecomputations,
    InboxEvents,
    PendingAttachments,
    UnreferencedBlobs,
    RemovedOnSource,
    ReplyFiles,
  ],
  exports: [
    InboundBatches,
    OutboundMessages,
    SlaRecomputations,
    InboxEvents,
    PendingAttachments,
    UnreferencedBlobs,
    RemovedOnSource,
    ReplyFiles,
  ],
})
export class PipelineModule {
  /** The worker side: consumes the ingest and attachments queues with the channels' normalizers. */
  static forWorker(channels: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: PipelineWorkerModule,
      imports: [PipelineModule, ThreadSlaModule, channels],
      providers: [
        MessageWriter,
        IngestProcessor,
        AttachmentIntake,
        BlobSweep,
        FetchAttachmentProcessor,
      ],
    };
  }

  /** The scheduler side: periodic sweeps that find work and queue it. */
  static forScheduler(): DynamicModule {
    return {
      module: PipelineSchedulerModule,
      imports: [PipelineModule],
      providers: [InboundRecoveryCron, BlobSweepCron],
    };
  }
}

@Module({})
class PipelineWorkerModule {}

@Module({})
class PipelineSchedulerModule {}
