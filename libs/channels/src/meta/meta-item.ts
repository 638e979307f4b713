import type { GraphComment, GraphMessage } from './graph-types';

// Raw items of Facebook Page and Instagram channels, as stored in an
// InboundBatch. Polls store what the Graph API returned; webhooks store the
// event Meta posted. The normalizer accepts both, and both carry the source's
// own ids, so a webhook and a later poll of the same message give one message.

/** A Messenger or Instagram direct message read from `/{conversation-id}/messages`. */
export interface GraphMessageItem {
  kind: 'graph-message';
  conversationId: string;
  message: GraphMessage;
}

/** A comment or reply read from a post's or a media object's comments. */
export interface GraphCommentItem {
  kind: 'graph-comment';
  /** The post or media the comment is on. */
  objectId: string;
  /** The post's text or the media's caption, for the thread's subject and post context. */
  objectText?: string;
  /** The post's or media's address on Facebook or Instagram. */
  objectPermalink?: string;
  comment: GraphComment;
  /** For a reply: the top-level comment it answers. */
  parentId?: string;
}

/**
 * What one poll read of a post's or media's comments saw, at `readAt` (ISO):
 * each comment's id and text. Read down to `coversAfter` (ISO), or the whole
 * list when absent. A stored comment of the post it did not see is gone.
 */
export interface GraphCommentListingItem {
  kind: 'graph-comment-listing';
  objectId: string;
  readAt: string;
  coversAfter?: string;
  seen: { id: string; text: string }[];
}

/** One `messaging[]` (or `standby[]`) event of a webhook entry. */
export interface MessagingEvent {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message?: {
    mid: string;
    text?: string;
    is_echo?: boolean;
    attachments?: { type?: string; payload?: { url?: string } }[];
  };
}

export interface WebhookMessageItem {
  kind: 'webhook-message';
  /** The entry's id: the Page or Instagram account the event is for. */
  ownerId: string;
  event: MessagingEvent;
}

/** One `changes[]` element of a webhook entry (Page feed or Instagram comments). */
export interface WebhookChangeItem {
  kind: 'webhook-change';
  ownerId: string;
  /** The entry's time (seconds): Instagram comment changes carry no time of their own. */
  entryTime?: number;
  change: { field: string; value: Record<string, unknown> };
}

export type MetaItem =
  | GraphMessageItem
  | GraphCommentItem
  | GraphCommentListingItem
  | WebhookMessageItem
  | WebhookChangeItem;
