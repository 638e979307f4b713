import { maskIdentityNumbers } from '@svara/compliance';
import type { Channel, Contact, Escalation, Message, Thread } from '@svara/database';
import type { SlaRecord } from '@svara/sla';

export type ThreadWithRelations = Thread & {
  channel: Pick<Channel, 'type' | 'name'>;
  contact: Pick<Contact, 'id' | 'displayName' | 'email'> | null;
};

/** The earliest deadline still ahead of the thread, what the inbox sorts by. */
export const dueAtOf = (thread: Thread): Date | null => thread.nextSlaCheckAt;

/**
 * A thread as lists, live events and change answers show it: a personal
 * identity number in the subject is masked; only the thread itself shows it.
 */
export function threadView(thread: ThreadWithRelations) {
  return {
    id: thread.id,
    channelId: thread.channelId,
    channelType: thread.channel.type,
    channelName: thread.channel.name,
    subject: maskIdentityNumbers(thread.subject),
    containsIdentityNumber: thread.containsIdentityNumber,
    status: thread.status,
    contact: thread.contact,
    assigneeId: thread.assigneeId,
    teamId: thread.teamId,
    lastMessageAt: thread.lastMessageAt,
    firstResponseDueAt: thread.firstResponseDueAt,
    nextResponseDueAt: thread.nextResponseDueAt,
    resolutionDueAt: thread.resolutionDueAt,
    slaState: thread.slaState,
    escalationLevel: thread.escalationLevel,
    messageCount: thread.messageCount,
    tags: thread.tags,
    recordExportedAt: thread.recordExportedAt,
    lastRecordExportId: thread.lastRecordExportId,
    version: thread.version,
    createdAt: thread.createdAt,
    dueAt: dueAtOf(thread),
  };
}

/** True while a clock of the thread is paused (PENDING): an open pause. */
export function slaPausedOf(slaClocks: unknown): boolean {
  const clocks = (slaClocks as SlaRecord | null)?.clocks;
  if (!clocks) return false;
  return Object.values(clocks).some((clock) => {
    const last = clock?.pauses?.at(-1);
    return last !== undefined && last.to === undefined;
  });
}

export function escalationView(escalation: Escalation) {
  return {
    level: escalation.level,
    target: escalation.target,
    dueAt: escalation.dueAt,
    sentAt: escalation.sentAt,
    recipients: escalation.recipients,
    status: escalation.status,
  };
}

export function messageView(message: Message) {
  return {
    id: message.id,
    direction: message.direction,
    externalId: message.externalId,
    author: {
      name: message.authorName,
      address: message.authorAddress,
      userId: message.authorUserId,
    },
    text: message.text,
    quotedText: message.quotedText,
    html: message.html,
    attachments: message.attachments,
    automatic: message.automatic,
    containsIdentityNumber: message.containsIdentityNumber,
    sentAt: message.sentAt,
    receivedAt: message.receivedAt,
    deliveryStatus: message.deliveryStatus,
    deliveryError: message.deliveryError,
    hiddenAt: message.hiddenAt,
    editedAt: message.editedAt,
    removedAt: message.removedAt,
  };
}
