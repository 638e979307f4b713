export * from './job-catalogue';
export type { AttachmentMeta, ContactRef, NormalizedMessage } from './normalized-message';
export { type ItemNormalizer, ITEM_NORMALIZERS, UnusableItem } from './item-normalizer';
export { PipelineModule } from './pipeline.module';
export { InboundBatches } from './ingest/inbound-batches.service';
export { MessageWriter } from './ingest/message-writer.service';
export { OutboundMessages, PROVISIONAL_ID_PREFIX } from './outbound/outbound-messages.service';
export { JobQueues } from './queues/job-queues.service';
export { HandlerMismatch, JobWorkers, type JobHandlers } from './queues/job-workers.service';
export { LeaderLease } from './queues/leader-lease';
export { LeasedTick } from './queues/leased-tick';
export { bullConnection, bullPrefix } from './queues/redis-connection';
export { QueuesModule } from './queues/queues.module';
export {
  inboxEventsChannel,
  type InboxEvent,
  type InboxEventTarget,
  type InboxEventType,
  InboxEvents,
} from './events/inbox-events';
export { SlaRecomputations } from './sla/sla-recomputations.service';
