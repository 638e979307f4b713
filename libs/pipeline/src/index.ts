export * from './job-catalogue';
export type {
  AttachmentMeta,
  AttachmentRow,
  AttachmentSource,
  CommentListing,
  ContactRef,
  MessageChange,
  MessageRemoval,
  NormalizedMessage,
  PostContext,
} from './normalized-message';
export { isMessageChange, isPlausibleTime } from './normalized-message';
export {
  admit,
  type Admission,
  LEFT_OUT_REASONS,
  type LeftOutReason,
} from './attachments/attachment-limits';
export { INLINE_IMAGE_TYPES, sniffType } from './attachments/sniff-type';
export {
  MAX_REPLY_FILES,
  ReplyFiles,
  type StoredReplyFile,
  type UploadedFile,
} from './attachments/reply-files';
export { type ItemNormalizer, ITEM_NORMALIZERS, UnusableItem } from './item-normalizer';
export { PipelineModule } from './pipeline.module';
export { InboundBatches } from './ingest/inbound-batches.service';
export { MessageWriter } from './ingest/message-writer.service';
export { OutboundMessages, PROVISIONAL_ID_PREFIX } from './outbound/outbound-messages.service';
export { DurableJobs } from './queues/durable-jobs';
export { JobQueues } from './queues/job-queues.service';
export { HandlerMismatch, JobWorkers, type JobHandlers } from './queues/job-workers.service';
export {
  DailyRun,
  LeasedSchedules,
  LeasedSchedulesModule,
  dailyCronTime,
} from './queues/leased-schedules';
export { QueueMetrics } from './queues/queue-metrics';
export { bullConnection, bullPrefix } from './queues/redis-connection';
export { QueuesModule } from './queues/queues.module';
export {
  inboxEventsChannel,
  type InboxEvent,
  type InboxEventTarget,
  type InboxEventType,
  InboxEvents,
  type PresenceViewer,
} from './events/inbox-events';
export { SlaRecomputations } from './sla/sla-recomputations.service';
export { UnreferencedBlobs } from './attachments/unreferenced-blobs.service';
export { RemovedOnSource } from './ingest/removed-on-source.service';
export { BlobSweep, type SweepCounts } from './attachments/blob-sweep.service';
export { BlobSweepCron } from './attachments/blob-sweep.cron';
