import type { Channel, ChannelType, ContactIdentity, Prisma } from '@svara/database';
import type { ItemNormalizer } from '@svara/pipeline';

/** A channel row with its decrypted secrets, as adapters receive it. */
export interface ChannelContext {
  channel: Channel;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

export interface PollResult {
  /** Raw items, stored as they are and normalized later by the same adapter. */
  items: unknown[];
  /** Where the next poll starts: stored together with `items`, in one transaction. */
  cursor: Prisma.InputJsonValue;
  /** True when more is ready now (a long backfill is read page by page). */
  hasMore: boolean;
}

/** What an adapter needs to send one outgoing message on a thread. */
export interface OutgoingMessage {
  messageId: string;
  /**
   * The external id stored on the message row when it was queued (or, after
   * a send whose outcome was lost, the one it was sent under). A mail's
   * Message-ID is made from it, so a resend carries the same Message-ID.
   */
  queuedExternalId: string;
  text: string;
  thread: { id: string; externalId: string; subject: string | null };
  /** The citizen's identity on this channel, when known. */
  recipient: Pick<ContactIdentity, 'type' | 'value' | 'displayName'> | null;
  /** The thread's newest message from the citizen. */
  lastInbound: { externalId: string; sentAt: Date; authorAddress: string | null } | null;
  /** External ids of the thread's messages, oldest first (for e-mail References). */
  threadExternalIds: string[];
  /** The files the agent attached, in their order. */
  files: OutgoingFile[];
  /**
   * Records that a file went out as a message of its own, before the rest is
   * sent: a retry after a later failure sends it no second time.
   */
  fileSent(n: number, externalId: string): Promise<void>;
}

/** A file of an outgoing message; its bytes are read from the blob store when needed. */
export interface OutgoingFile {
  n: number;
  filename: string;
  /** The type its bytes show. */
  contentType: string;
  size: number;
  /** Set once a channel that sends files as messages of their own has sent it. */
  sentExternalId: string | null;
  bytes(): Promise<Buffer>;
}

/** A message on a thread, as the source knows it. */
export interface PublicComment {
  externalId: string;
  threadExternalId: string;
}

export interface SendResult {
  /** The source's id for the sent message; an echo of it later is the same message. */
  externalId: string;
  sentAt?: Date;
}

export interface ChannelSettings {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

/**
 * What every channel provides. Each channel lives in its own folder and is
 * listed once in registry.ts. Errors an adapter throws are the ones in
 * channel-errors.ts, so polling and sending react the same way for all.
 */
export interface ChannelAdapter extends ItemNormalizer {
  readonly channelType: ChannelType;
  /** Per-type config and secrets as an admin submits them; throws InvalidInput naming the field. */
  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings;
  /** Reads what is new after `cursor` (null on the first poll: start at channel.backfillSince). */
  poll?(context: ChannelContext, cursor: unknown): Promise<PollResult>;
  send?(context: ChannelContext, message: OutgoingMessage): Promise<SendResult>;
  /**
   * Why this file cannot go with a reply on the thread (the platform's own
   * limits), or null when it can. A channel without it sends no files.
   */
  fileRefusal?(
    threadExternalId: string,
    file: { contentType: string; size: number },
  ): string | null;
  /**
   * Hides a citizen's public comment on the source (it stays visible to its
   * author and their friends, as Meta does it). Throws SendRefused when the
   * message is not a public comment.
   */
  hideComment?(context: ChannelContext, comment: PublicComment): Promise<void>;
  /** Whether the thread is a public comment (with a post to show), not a private conversation. */
  isPublicComment?(threadExternalId: string): boolean;
  /**
   * Reads the names of people the channel knows only by id (and refreshes old
   * ones) from the source. Runs after a poll; its failures never fail the poll.
   */
  refreshContacts?(context: ChannelContext): Promise<void>;
  /** Proves the credentials work (for the admin's "test connection"); throws a ChannelError saying why not. */
  testConnection?(context: ChannelContext): Promise<void>;
}
