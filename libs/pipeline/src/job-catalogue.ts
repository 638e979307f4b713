// The typed contract between producers and consumers of Svara's queues.
//
// Queue and job names are stored in Redis with every job: they are part of the
// stored contract. Never rename one casually; add a new name and migrate.

import { createHash } from 'node:crypto';

export const QUEUES = {
  ingest: 'ingest',
  poll: 'poll',
  outbound: 'outbound',
  escalation: 'escalation',
  slaRecompute: 'sla-recompute',
  retention: 'retention',
  recordExport: 'record-export',
  attachments: 'attachments',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Normalize one stored InboundBatch into contacts, threads and messages. */
  'ingest-batch': { batchId: string; correlationId?: string };
  /** Read what is new on one channel since its stored cursor. */
  'poll-channel': { channelId: string; correlationId?: string };
  /** Send one queued OUTBOUND message on its thread's channel. */
  'send-message': { messageId: string; correlationId?: string };
  /** Mail one escalation level of one thread deadline to its recipients. */
  'notify-escalation': {
    threadId: string;
    target: 'firstResponse' | 'nextResponse' | 'resolution';
    level: number;
    /** ISO instant of the deadline the level belongs to. */
    dueAt: string;
    /** ISO instant at which the level fell due. */
    stepAt: string;
    correlationId?: string;
  };
  /**
   * Part of what one SLA scan found: queue its notify-escalation jobs (each
   * level still gets its own job and id), then move its threads on. The scan
   * hands what it finds over in a few such jobs and writes nothing itself, so
   * that a tick finding thousands stays short. Jobs queued before `moves`
   * existed carry none: their scan moved the threads itself.
   */
  'queue-escalations': {
    escalations: JobPayloads['notify-escalation'][];
    moves?: ThreadMove[];
    correlationId?: string;
  };
  /**
   * Re-derive due times of open threads after SLA policies or a calendar
   * changed; `requestId` names the sla_recomputation_requests row it sees through.
   */
  'recompute-sla': { policyIds: string[]; requestId?: string; correlationId?: string };
  /** Apply one retention policy: the RetentionRun row says which and up to when. */
  'apply-retention': { runId: string; correlationId?: string };
  /** Delete access-log entries and raw inbound items past their keeping time. */
  'prune-expired': { day: string; correlationId?: string };
  /** Build the record package of one stored RecordExport (its selection is on the row). */
  'build-record-package': { exportId: string; correlationId?: string };
  /** Download one PENDING attachment (a Meta URL that expires) into the blob store. */
  'fetch-attachment': { attachmentId: string; correlationId?: string };
  /** Remove the blobs no attachment references (left behind by a crash), once a day. */
  'sweep-blobs': { day: string; correlationId?: string };
}
/**
 * Where an SLA scan moves a thread on to, written only if the thread's next
 * SLA moment is still the one the scan saw: anything that changed the thread
 * meanwhile (a reply, a status change) has already moved it itself.
 */
export interface ThreadMove {
  threadId: string;
  /** ISO instant: the thread's nextEscalationAt when the scan read it. */
  seenAt: string;
  /** ISO instant, or null when no SLA moment is left. */
  nextEscalationAt: string | null;
  slaState: 'NONE' | 'OK' | 'WARNING' | 'BREACHED';
  escalationLevel: number;
}

export type JobName = keyof JobPayloads;
export type JobOf<Name extends JobName> = JobPayloads[Name];
export type AnyJob = { [Name in JobName]: { name: Name; data: JobOf<Name> } }[JobName];

/** Which queue each job travels on. */
export const JOB_QUEUE = {
  'ingest-batch': QUEUES.ingest,
  'poll-channel': QUEUES.poll,
  'send-message': QUEUES.outbound,
  'notify-escalation': QUEUES.escalation,
  'queue-escalations': QUEUES.escalation,
  'recompute-sla': QUEUES.slaRecompute,
  'apply-retention': QUEUES.retention,
  'prune-expired': QUEUES.retention,
  'build-record-package': QUEUES.recordExport,
  'fetch-attachment': QUEUES.attachments,
  'sweep-blobs': QUEUES.attachments,
} as const satisfies Record<JobName, QueueName>;

/** The job names that travel on one queue. */
export type JobsOn<Queue extends QueueName> = {
  [Name in JobName]: (typeof JOB_QUEUE)[Name] extends Queue ? Name : never;
}[JobName];

const notifyEscalationId = (threadId: string, target: string, level: number, dueAt: Date) =>
  `escalate.${threadId}.${target}.${level}.${dueAt.getTime()}`;

/**
 * Job ids are deterministic so that enqueuing the same work twice (a retry,
 * a recovery sweep, a second replica) adds it once. BullMQ forbids ':' in ids.
 */
export const jobId = {
  ingestBatch: (batchId: string) => `ingest.${batchId}`,
  /** One poll per channel queued or running at a time. */
  pollChannel: (channelId: string) => `poll.${channelId}`,
  sendMessage: (messageId: string) => `send.${messageId}`,
  /** One level of one deadline of a thread fires once, whoever finds it how often. */
  notifyEscalation: notifyEscalationId,
  /** The same part of a scan handed over twice (a second replica, a re-run scan) is queued once. */
  queueEscalations: ({ escalations, moves = [] }: JobPayloads['queue-escalations']) =>
    `escalations.${createHash('sha256')
      .update(
        escalations
          .map((e) => notifyEscalationId(e.threadId, e.target, e.level, new Date(e.dueAt)))
          .join(),
      )
      .update('|')
      .update(moves.map((move) => `${move.threadId}@${move.seenAt}`).join())
      .digest('hex')}`,
  /** One recomputation per change of a policy or calendar (identified by its new updatedAt). */
  recomputeSla: (subjectId: string, changedAt: Date) =>
    `recompute.${subjectId}.${changedAt.getTime()}`,
  applyRetention: (runId: string) => `retention.${runId}`,
  /** Once a day, whichever scheduler replica gets there first. */
  pruneExpired: (day: string) => `prune.${day}`,
  /** One build per requested export, however often the recovery sweep finds it. */
  buildRecordPackage: (exportId: string) => `record-export.${exportId}`,
  /** One download per attachment row, however often ingest or the recovery sweep queue it. */
  fetchAttachment: (attachmentId: string) => `attachment.${attachmentId}`,
  /** Once a day, whichever scheduler replica gets there first. */
  sweepBlobs: (day: string) => `sweep-blobs.${day}`,
} as const;

export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}

/**
 * What the recovery sweep does with a durable job it finds failed for good:
 * leave it (its processor recorded the failure on the row, and a person
 * decides), retry it where it stopped, or retry it with all its attempts again.
 */
export type FailedJobRule = 'leave' | 'retry' | 'retry-with-fresh-attempts';

/**
 * Jobs whose work is stored as a row first, so a job Redis lost (or never
 * got) is queued again by a sweep over the rows: each one's id, its options
 * and what a sweep does with it once it has failed for good.
 */
export const DURABLE_JOBS = {
  'ingest-batch': {
    id: ({ batchId }: JobOf<'ingest-batch'>) => jobId.ingestBatch(batchId),
    options: {},
    // A batch stays PENDING until ingested: nothing to decide, try again.
    whenFailed: 'retry',
  },
  'send-message': {
    id: ({ messageId }: JobOf<'send-message'>) => jobId.sendMessage(messageId),
    options: { attempts: 6, backoff: { type: 'exponential', delay: 5000 } },
    // The message is marked FAILED for the agent, who chooses to resend.
    whenFailed: 'leave',
  },
  'notify-escalation': {
    id: ({ threadId, target, level, dueAt }: JobOf<'notify-escalation'>) =>
      jobId.notifyEscalation(threadId, target, level, new Date(dueAt)),
    options: {},
    // A mail server down longer than the back-off: the mail is still owed.
    whenFailed: 'retry-with-fresh-attempts',
  },
  'apply-retention': {
    id: ({ runId }: JobOf<'apply-retention'>) => jobId.applyRetention(runId),
    options: {},
    // The run is marked FAILED with its error; the next daily run starts afresh.
    whenFailed: 'leave',
  },
  'build-record-package': {
    id: ({ exportId }: JobOf<'build-record-package'>) => jobId.buildRecordPackage(exportId),
    options: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    whenFailed: 'retry',
  },
  'fetch-attachment': {
    id: ({ attachmentId }: JobOf<'fetch-attachment'>) => jobId.fetchAttachment(attachmentId),
    options: {},
    // Its last attempt leaves the file out, with a note on the message.
    whenFailed: 'leave',
  },
} as const satisfies {
  [Name in JobName]?: {
    id: (data: JobOf<Name>) => string;
    options: { attempts?: number; backoff?: { type: 'exponential'; delay: number } };
    whenFailed: FailedJobRule;
  };
};
export type DurableJobName = keyof typeof DURABLE_JOBS;
