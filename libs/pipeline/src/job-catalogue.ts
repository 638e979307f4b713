// The typed contract between producers and consumers of Svara's queues.
//
// Queue and job names are stored in Redis with every job: they are part of the
// stored contract. Never rename one casually; add a new name and migrate.

export const QUEUES = {
  ingest: 'ingest',
  poll: 'poll',
  outbound: 'outbound',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Normalize one stored InboundBatch into contacts, threads and messages. */
  'ingest-batch': { batchId: string; correlationId?: string };
  /** Read what is new on one channel since its stored cursor. */
  'poll-channel': { channelId: string; correlationId?: string };
  /** Send one queued OUTBOUND message on its thread's channel. */
  'send-message': { messageId: string; correlationId?: string };
}
export type JobName = keyof JobPayloads;
export type JobOf<Name extends JobName> = JobPayloads[Name];
export type AnyJob = { [Name in JobName]: { name: Name; data: JobOf<Name> } }[JobName];

/** Which queue each job travels on. */
export const JOB_QUEUE = {
  'ingest-batch': QUEUES.ingest,
  'poll-channel': QUEUES.poll,
  'send-message': QUEUES.outbound,
} as const satisfies Record<JobName, QueueName>;

/** The job names that travel on one queue. */
export type JobsOn<Queue extends QueueName> = {
  [Name in JobName]: (typeof JOB_QUEUE)[Name] extends Queue ? Name : never;
}[JobName];

/**
 * Job ids are deterministic so that enqueuing the same work twice (a retry,
 * a recovery sweep, a second replica) adds it once. BullMQ forbids ':' in ids.
 */
export const jobId = {
  ingestBatch: (batchId: string) => `ingest.${batchId}`,
  /** One poll per channel queued or running at a time. */
  pollChannel: (channelId: string) => `poll.${channelId}`,
  sendMessage: (messageId: string) => `send.${messageId}`,
} as const;

export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}
