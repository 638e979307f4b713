import type {
  ChannelType,
  DeliveryStatus,
  EscalationStatus,
  IdentityType,
  MessageDirection,
  Prisma,
  RecordExportPurpose,
  SlaState,
  ThreadStatus,
} from '@svara/database';

// The machine-readable record (record.json). Its shape is promised by
// record.schema.json beside this file: change both together, and raise
// RECORD_FORMAT_VERSION when a change is not backwards compatible.

export const RECORD_FORMAT = 'svara.record-package';
export const RECORD_FORMAT_VERSION = 1;

/** The inbox filter a package was selected by, as stored (closed times as ISO instants). */
export interface RecordFilter {
  status?: ThreadStatus;
  channelId?: string;
  channelType?: ChannelType;
  teamId?: string;
  assigneeId?: string;
  sla?: 'ok' | 'warning' | 'breached';
  tag?: string;
  q?: string;
  closedFrom?: string;
  closedTo?: string;
}

/** What the requester chose: an inbox filter, or threads by id. */
export type RecordSelection = { filter: RecordFilter } | { threadIds: string[] };

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export interface RecordPackageHeader {
  id: string;
  purpose: RecordExportPurpose;
  /** When the package was asked for. */
  requestedAt: string;
  /** When the package was built. */
  createdAt: string;
  requestedBy: UserRef | null;
  retentionRunId: string | null;
  selection: RecordSelection;
  threadCount: number;
  generator: { name: 'Svara'; version: string };
}

export interface RecordAttachment {
  filename: string | null;
  contentType: string | null;
  size: number | null;
  contentId: string | null;
}

export interface RecordMessage {
  id: string;
  direction: MessageDirection;
  externalId: string;
  author: { name: string | null; address: string | null; user: UserRef | null };
  text: string;
  quotedText: string | null;
  sentAt: string;
  receivedAt: string;
  deliveryStatus: DeliveryStatus;
  deliveryError: string | null;
  attachments: RecordAttachment[];
  automatic: boolean;
  containsIdentityNumber: boolean;
  hiddenAt: string | null;
  /** When its author last edited it on the source, and removed it there. */
  editedAt: string | null;
  removedAt: string | null;
  /** Its earlier texts, oldest first, each with when it was written and replaced. */
  earlierVersions: { text: string; since: string; replacedAt: string }[];
}

export interface RecordDeadline {
  target: string;
  startedAt: string;
  dueAt: string;
  warnAt: string | null;
}

export interface RecordEscalation {
  target: string;
  level: number;
  dueAt: string;
  stepAt: string;
  status: EscalationStatus;
  recipients: string[];
  sentAt: string | null;
  smtpResponse: string | null;
  error: string | null;
}

export interface RecordSla {
  policy: { id: string; name: string } | null;
  state: SlaState;
  startedAt: string | null;
  firstResponseDueAt: string | null;
  firstResponseAt: string | null;
  firstResponseMins: number | null;
  firstResponseMet: boolean | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  escalationLevel: number;
  deadlines: RecordDeadline[];
  escalations: RecordEscalation[];
}

export interface RecordContact {
  id: string;
  displayName: string | null;
  email: string | null;
  identities: { type: IdentityType; scope: string; value: string; displayName: string | null }[];
}

export interface RecordThread {
  id: string;
  channel: { id: string; type: ChannelType; name: string };
  externalId: string;
  subject: string | null;
  status: ThreadStatus;
  team: { id: string; name: string } | null;
  assignee: UserRef | null;
  tags: string[];
  containsIdentityNumber: boolean;
  createdAt: string;
  closedAt: string | null;
  lastMessageAt: string;
  anonymizedAt: string | null;
  sla: RecordSla;
  contact: RecordContact | null;
  messages: RecordMessage[];
}

export interface RecordDocument {
  format: typeof RECORD_FORMAT;
  formatVersion: typeof RECORD_FORMAT_VERSION;
  package: RecordPackageHeader;
  threads: RecordThread[];
}

const USER = { select: { id: true, name: true, email: true } } as const;

/** Everything a thread's record is made of, in one query. */
export const RECORD_THREAD_INCLUDE = {
  channel: { select: { id: true, type: true, name: true } },
  team: { select: { id: true, name: true } },
  assignee: USER,
  slaPolicy: { select: { id: true, name: true } },
  contact: { include: { identities: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } },
  escalations: { orderBy: [{ stepAt: 'asc' }, { target: 'asc' }, { level: 'asc' }] },
  messages: {
    orderBy: [{ sentAt: 'asc' }, { receivedAt: 'asc' }, { id: 'asc' }],
    include: {
      authorUser: USER,
      edits: { orderBy: [{ replacedAt: 'asc' }, { id: 'asc' }] },
    },
  },
} satisfies Prisma.ThreadInclude;

export type RecordThreadRow = Prisma.ThreadGetPayload<{ include: typeof RECORD_THREAD_INCLUDE }>;

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function attachmentsOf(value: Prisma.JsonValue): RecordAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const size = (item as { size?: unknown }).size;
    // Only what describes the file: where Svara keeps it is no part of the record.
    return [
      {
        filename: text(item.filename),
        contentType: text(item.contentType),
        size: typeof size === 'number' && Number.isInteger(size) && size >= 0 ? size : null,
        contentId: text(item.contentId),
      },
    ];
  });
}

function deadlinesOf(value: Prisma.JsonValue): RecordDeadline[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const { target, startedAt, dueAt, warnAt } = item;
    if (typeof target !== 'string' || typeof startedAt !== 'string' || typeof dueAt !== 'string') {
      return [];
    }
    return [{ target, startedAt, dueAt, warnAt: text(warnAt) }];
  });
}

/** One thread as the record shows it: everything, personal identity numbers included. */
export function recordThread(row: RecordThreadRow): RecordThread {
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.externalId,
    subject: row.subject,
    status: row.status,
    team: row.team,
    assignee: row.assignee,
    tags: row.tags,
    containsIdentityNumber: row.containsIdentityNumber,
    createdAt: row.createdAt.toISOString(),
    closedAt: iso(row.closedAt),
    lastMessageAt: row.lastMessageAt.toISOString(),
    anonymizedAt: iso(row.anonymizedAt),
    sla: {
      policy: row.slaPolicy,
      state: row.slaState,
      startedAt: iso(row.slaStartedAt),
      firstResponseDueAt: iso(row.firstResponseDueAt),
      firstResponseAt: iso(row.firstResponseAt),
      firstResponseMins: row.firstResponseMins,
      firstResponseMet: row.firstResponseMet,
      nextResponseDueAt: iso(row.nextResponseDueAt),
      resolutionDueAt: iso(row.resolutionDueAt),
      escalationLevel: row.escalationLevel,
      deadlines: deadlinesOf(row.slaDeadlines),
      escalations: row.escalations.map((escalation) => ({
        target: escalation.target,
        level: escalation.level,
        dueAt: escalation.dueAt.toISOString(),
        stepAt: escalation.stepAt.toISOString(),
        status: escalation.status,
        recipients: escalation.recipients,
        sentAt: iso(escalation.sentAt),
        smtpResponse: escalation.smtpResponse,
        error: escalation.lastError,
      })),
    },
    contact: row.contact && {
      id: row.contact.id,
      displayName: row.contact.displayName,
      email: row.contact.email,
      identities: row.contact.identities.map((identity) => ({
        type: identity.type,
        scope: identity.scope,
        value: identity.value,
        displayName: identity.displayName,
      })),
    },
    messages: row.messages.map((message) => ({
      id: message.id,
      direction: message.direction,
      externalId: message.externalId,
      author: {
        name: message.authorName,
        address: message.authorAddress,
        user: message.authorUser,
      },
      text: message.text,
      quotedText: message.quotedText,
      sentAt: message.sentAt.toISOString(),
      receivedAt: message.receivedAt.toISOString(),
      deliveryStatus: message.deliveryStatus,
      deliveryError: message.deliveryError,
      attachments: attachmentsOf(message.attachments),
      automatic: message.automatic,
      containsIdentityNumber: message.containsIdentityNumber,
      hiddenAt: iso(message.hiddenAt),
      editedAt: iso(message.editedAt),
      removedAt: iso(message.removedAt),
      earlierVersions: message.edits.map((edit) => ({
        text: edit.text,
        since: edit.since.toISOString(),
        replacedAt: edit.replacedAt.toISOString(),
      })),
    })),
  };
}
