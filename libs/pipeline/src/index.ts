export * from './job-catalogue';
export type { AttachmentMeta, ContactRef, NormalizedMessage } from './normalized-message';
export { type ItemNormalizer, ITEM_NORMALIZERS, UnusableItem } from './item-normalizer';
export { PipelineModule } from './pipeline.module';
export { InboundBatches } from './ingest/inbound-batches.service';
export { JobQueues } from './queues/job-queues.service';
export { JobWorkers, type JobHandlers } from './queues/job-workers.service';
export { LeaderLease } from './queues/leader-lease';
