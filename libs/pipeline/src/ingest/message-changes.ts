import type { CommentListing } from '../normalized-message';

/** A stored message as edits and removals are decided on. */
export interface StoredText {
  id: string;
  threadId: string;
  externalId: string;
  text: string;
  sentAt: Date;
  editedAt: Date | null;
  removedAt: Date | null;
}

/** The source's text of a message as of `at`. */
export interface Revision {
  externalId: string;
  text: string;
  at: Date;
}

export interface Removal {
  externalId: string;
  at: Date;
}

export interface Edit {
  messageId: string;
  threadId: string;
  /** The text replaced, written at `since`. */
  earlierText: string;
  since: Date;
  text: string;
  replacedAt: Date;
}

export interface Decided {
  edits: Edit[];
  removals: { messageId: string; threadId: string; at: Date }[];
}

/**
 * A comment younger than this when a poll read its post may not show in
 * Graph's lists yet: such a read says nothing of its removal.
 */
export const LISTING_SETTLE_MS = 5 * 60_000;

/**
 * The comments a listing shows removed: stored for its post, not removed yet,
 * sent inside the part of the post it read, old enough to be listed, and absent.
 */
export function absentFromListing(
  listing: Pick<CommentListing, 'seen' | 'coversAfter' | 'readAt'>,
  storedOnPost: Pick<StoredText, 'externalId' | 'sentAt' | 'removedAt'>[],
): Removal[] {
  const seen = new Set(listing.seen.map((comment) => comment.externalId));
  const settled = listing.readAt.getTime() - LISTING_SETTLE_MS;
  return storedOnPost
    .filter(
      (message) =>
        message.removedAt === null &&
        !seen.has(message.externalId) &&
        (listing.coversAfter === undefined ||
          message.sentAt.getTime() > listing.coversAfter.getTime()) &&
        message.sentAt.getTime() <= settled,
    )
    .map((message) => ({ externalId: message.externalId, at: listing.readAt }));
}

/**
 * What the revisions and removals change in the stored messages. A revision
 * edits a message when its text differs and it is newer than the stored text
 * (a late copy of an earlier state changes nothing); several apply in time
 * order, each keeping the text it replaces. A removed message keeps its
 * last text and takes no more edits; a removal is recorded once.
 */
export function decideChanges(
  stored: StoredText[],
  revisions: Revision[],
  removals: Removal[],
): Decided {
  const byExternalId = new Map(stored.map((message) => [message.externalId, { ...message }]));
  const decided: Decided = { edits: [], removals: [] };
  const inOrder = [...revisions].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const revision of inOrder) {
    const message = byExternalId.get(revision.externalId);
    if (!message || message.removedAt !== null || message.text === revision.text) continue;
    const since = message.editedAt ?? message.sentAt;
    if (revision.at.getTime() <= since.getTime()) continue;
    decided.edits.push({
      messageId: message.id,
      threadId: message.threadId,
      earlierText: message.text,
      since,
      text: revision.text,
      replacedAt: revision.at,
    });
    message.text = revision.text;
    message.editedAt = revision.at;
  }
  const firstRemoval = new Map<string, Date>();
  for (const removal of removals) {
    const earlier = firstRemoval.get(removal.externalId);
    if (!earlier || removal.at < earlier) firstRemoval.set(removal.externalId, removal.at);
  }
  for (const [externalId, at] of firstRemoval) {
    const message = byExternalId.get(externalId);
    if (!message || message.removedAt !== null) continue;
    decided.removals.push({ messageId: message.id, threadId: message.threadId, at });
  }
  return decided;
}
