import type { ThreadStatusName } from '@svara/sla';

/** The columns of a thread that its messages keep up to date, besides the SLA fields. */
export interface ThreadActivity {
  status: ThreadStatusName;
  closedAt: Date | null;
  messageCount: number;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  containsIdentityNumber: boolean;
}

/** A message stored in a thread, as far as its activity columns care. */
export interface StoredMessage {
  direction: string;
  automatic: boolean;
  sentAt: Date;
  containsIdentityNumber: boolean;
}

const later = (a: Date | null, b: Date): Date => (a && a > b ? a : b);

/**
 * The activity of a thread its first message opens, before any message is
 * counted. Automatic mail (auto-replies, bounces) is kept but asks nobody for
 * an answer, so a thread it opens starts closed.
 */
export function openedBy(first: { automatic: boolean; sentAt: Date }): ThreadActivity {
  return {
    status: first.automatic ? 'CLOSED' : 'OPEN',
    closedAt: first.automatic ? first.sentAt : null,
    messageCount: 0,
    lastMessageAt: first.sentAt,
    lastInboundAt: null,
    lastOutboundAt: null,
    containsIdentityNumber: false,
  };
}

/**
 * A thread's activity once `messages` are stored in it: counted, its latest
 * times moved on, and reopened when the citizen writes again, whether it was
 * pending or closed before that message.
 */
export function withMessages(
  thread: ThreadActivity,
  messages: readonly StoredMessage[],
): ThreadActivity {
  let lastMessageAt = thread.lastMessageAt;
  let lastOutboundAt = thread.lastOutboundAt;
  let citizenWroteAt: Date | null = null;
  let containsIdentityNumber = thread.containsIdentityNumber;
  for (const message of messages) {
    lastMessageAt = later(lastMessageAt, message.sentAt);
    if (message.direction === 'INBOUND' && !message.automatic)
      citizenWroteAt = later(citizenWroteAt, message.sentAt);
    if (message.direction === 'OUTBOUND') lastOutboundAt = later(lastOutboundAt, message.sentAt);
    containsIdentityNumber ||= message.containsIdentityNumber;
  }
  const writtenAfterClosing =
    thread.status === 'CLOSED' &&
    citizenWroteAt !== null &&
    thread.closedAt !== null &&
    citizenWroteAt > thread.closedAt;
  const reopened = citizenWroteAt !== null && (thread.status === 'PENDING' || writtenAfterClosing);
  return {
    status: reopened ? 'OPEN' : thread.status,
    closedAt: writtenAfterClosing ? null : thread.closedAt,
    messageCount: thread.messageCount + messages.length,
    lastMessageAt,
    lastInboundAt: citizenWroteAt
      ? later(thread.lastInboundAt, citizenWroteAt)
      : thread.lastInboundAt,
    lastOutboundAt,
    containsIdentityNumber,
  };
}
