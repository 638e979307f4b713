import type { JobName, JobOf } from '@svara/pipeline';

/** One fact about a job for an operator: which row it works on, how much it carries. */
export interface JobDetail {
  name: string;
  value: string;
}

type Summarize<Name extends JobName> = (data: JobOf<Name>) => Record<string, string | number>;

/**
 * What an operator may see of each job's data: ids of the rows it works on
 * and sizes, never the data itself (payloads may carry addresses or text as
 * the catalogue grows). Typed per job, so a new job must say what it shows.
 */
const SUMMARIES: { [Name in JobName]: Summarize<Name> } = {
  'ingest-batch': ({ batchId }) => ({ batch: batchId }),
  'poll-channel': ({ channelId }) => ({ channel: channelId }),
  'send-message': ({ messageId }) => ({ message: messageId }),
  'notify-escalation': ({ threadId, target, level, dueAt }) => ({
    thread: threadId,
    target,
    level,
    dueAt,
  }),
  'queue-escalations': ({ escalations, moves = [] }) => ({
    escalations: escalations.length,
    moves: moves.length,
  }),
  'recompute-sla': ({ policyIds, requestId }) => ({
    policies: policyIds.length,
    ...(requestId ? { request: requestId } : {}),
  }),
  'apply-retention': ({ runId }) => ({ run: runId }),
  'prune-expired': ({ day }) => ({ day }),
  'build-record-package': ({ exportId }) => ({ export: exportId }),
  'fetch-attachment': ({ attachmentId }) => ({ attachment: attachmentId }),
  'sweep-blobs': ({ day }) => ({ day }),
};

export const isCatalogued = (name: string): name is JobName => Object.hasOwn(SUMMARIES, name);

/** The job's details to show; none for a job the catalogue does not know, or data it cannot read. */
export function summarizeJob(name: string, data: unknown): JobDetail[] {
  if (!isCatalogued(name) || typeof data !== 'object' || data === null) return [];
  try {
    const summary = (SUMMARIES[name] as (data: unknown) => Record<string, string | number>)(data);
    return Object.entries(summary)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => ({ name: key, value: String(value) }));
  } catch {
    return [];
  }
}
