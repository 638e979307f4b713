import type { IdentityType } from '@svara/database';

export interface ContactRef {
  type: IdentityType;
  /** 'global' for e-mail addresses; the channel id for page-scoped ids. */
  scope: string;
  value: string;
  displayName?: string;
  email?: string;
}

export interface AttachmentMeta {
  filename: string;
  contentType: string;
  size: number;
  contentId?: string;
  storageKey?: string;
}

/**
 * Where an attachment's bytes come from, in the order of `attachments`: the
 * bytes themselves (e-mail), a URL to download them from after the message is
 * stored (Meta's expire), or nothing, when the mail was cut before them.
 */
export type AttachmentSource = { bytes: Uint8Array } | { url: string } | { cut: true };

/** One attachment as ingest stores it (message_attachments). */
export interface AttachmentRow {
  n: number;
  filename: string;
  claimedType: string;
  sniffedType?: string;
  size: number;
  sha256?: string;
  state: 'STORED' | 'PENDING' | 'LEFT_OUT';
  leftOutReason?: string;
  sourceUrl?: string;
}

/** The post (or Instagram media) a public comment thread is about. */
export interface PostContext {
  /** The source's id of the post or media. */
  id?: string;
  /** The post's text or the media's caption. */
  text?: string;
  /** The post's address on Facebook or Instagram. */
  permalink?: string;
}

/** One message as every channel hands it to the pipeline. */
export interface NormalizedMessage {
  /** The source's id for the message; unique within the channel. */
  externalId: string;
  /** The source's id for the conversation, comment tree or submission. */
  threadExternalId: string;
  /**
   * External ids of earlier messages this one answers (e-mail In-Reply-To and
   * References, nearest first). The first one already stored in the channel, or
   * earlier in the same batch, decides the thread; when none is, `threadExternalId` does.
   */
  references?: string[];
  subject?: string;
  /** For a comment: the post or media it was made on, as far as the source told. */
  post?: PostContext;
  direction: 'INBOUND' | 'OUTBOUND';
  /** The citizen the thread is with. */
  contact?: ContactRef;
  authorName?: string;
  authorAddress?: string;
  /** What the author just wrote. */
  text: string;
  /** Quoted history and signature, set apart from `text`. */
  quotedText?: string;
  html?: string;
  attachments: AttachmentMeta[];
  /** Where each attachment's bytes come from (index as in `attachments`); none: not kept. */
  attachmentSources?: (AttachmentSource | undefined)[];
  /** What ingest stores of the attachments, once their bytes are in the blob store. */
  attachmentRows?: AttachmentRow[];
  /** Auto-replies, bounces, list mail: stored, never answered, never a citizen's reply. */
  automatic: boolean;
  /** When the source says it was sent. */
  sentAt: Date;
  /**
   * The text as the source had it at this time (an edit's notice): a copy
   * stored earlier with another text, older than this, is edited to it.
   */
  revisedAt?: Date;
}

/** A comment the source says is gone, as of `at`. */
export interface MessageRemoval {
  change: 'removed';
  externalId: string;
  at: Date;
}

/**
 * What a poll read of one post's (or media's) comments at `readAt`: every
 * comment it saw, with its text then. Comments stored for that post and sent
 * after `coversAfter` (the whole post when absent) that it did not see are gone.
 */
export interface CommentListing {
  change: 'listed';
  postId: string;
  seen: { externalId: string; text: string }[];
  coversAfter?: Date;
  readAt: Date;
}

/** What a source says happened to messages it told of before. */
export type MessageChange = MessageRemoval | CommentListing;

export const isMessageChange = (item: NormalizedMessage | MessageChange): item is MessageChange =>
  'change' in item;

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/**
 * A time a message can have been sent at: a real date between the years 1900
 * and 9999. Beyond that Postgres or the SLA arithmetic fail on it, and no
 * source's clock says so honestly.
 */
export const isPlausibleTime = (date: Date): boolean =>
  date instanceof Date && date.getTime() >= EARLIEST && date.getTime() <= LATEST;
