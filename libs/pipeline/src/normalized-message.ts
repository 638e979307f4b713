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
  /** Auto-replies, bounces, list mail: stored, never answered, never a citizen's reply. */
  automatic: boolean;
  /** When the source says it was sent. */
  sentAt: Date;
}
