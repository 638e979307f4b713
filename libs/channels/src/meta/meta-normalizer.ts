import type { Channel, IdentityType } from '@svara/database';
import {
  type AttachmentMeta,
  type AttachmentSource,
  type CommentListing,
  type MessageChange,
  type NormalizedMessage,
  type PostContext,
  UnusableItem,
} from '@svara/pipeline';
import { type GraphParticipant, parseGraphTime } from './graph-types';
import type {
  GraphCommentItem,
  GraphCommentListingItem,
  GraphMessageItem,
  MetaItem,
  WebhookChangeItem,
  WebhookMessageItem,
} from './meta-item';

/** Meta's attachment URLs expire: ingest has them downloaded while they still work. */
const sourceAt = (url: unknown): AttachmentSource | undefined =>
  typeof url === 'string' && /^https?:\/\//.test(url) ? { url } : undefined;

/** How one Meta channel type names its own account and the people it hears from. */
export interface MetaProfile {
  /** The Page or Instagram account id of the channel: its own messages are outbound. */
  ownId(channel: Channel): string;
  /** How a person writing a direct message is known. */
  messagingIdentity: IdentityType;
  /** How a person writing a comment is known. */
  commentIdentity: IdentityType;
}

// Threads: one per person for direct messages (Messenger and Instagram keep
// one conversation per person and account, and a webhook names the person but
// not the conversation), one per top-level comment with its replies.
export const threadKey = {
  direct: (personId: string) => `dm:${personId}`,
  comment: (topLevelCommentId: string) => `comment:${topLevelCommentId}`,
};

/** What a thread key says about where a reply goes. */
export function parseThreadKey(
  key: string,
): { kind: 'direct'; personId: string } | { kind: 'comment'; commentId: string } | undefined {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  if (kind === 'dm') return { kind: 'direct', personId: id };
  if (kind === 'comment') return { kind: 'comment', commentId: id };
  return undefined;
}

/** Threads opened by a public comment (on a Page post or Instagram media), not a private conversation. */
export const isCommentThread = (key: string): boolean => parseThreadKey(key)?.kind === 'comment';

const SUBJECT_LENGTH = 80;

function subjectOf(objectText: string | undefined): string | undefined {
  const text = objectText?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const short = text.length > SUBJECT_LENGTH ? `${text.slice(0, SUBJECT_LENGTH - 1)}…` : text;
  // Stored in this form: the web app shows it in the reader's language (apps/web/src/ui/subject.ts).
  return `Comment on “${short}”`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** What a comment says of its post: its id, the text, and the link where it is an https address. */
function postOf(id: unknown, text: unknown, permalink: unknown): PostContext | undefined {
  const post: PostContext = {};
  if (nonEmpty(id)) post.id = id;
  if (nonEmpty(text) && text.trim()) post.text = text;
  if (nonEmpty(permalink) && /^https:\/\/[^\s]+$/.test(permalink)) post.permalink = permalink;
  return post.id || post.text || post.permalink ? post : undefined;
}

function displayNameOf(person: GraphParticipant | undefined): string | undefined {
  return person?.name ?? person?.username ?? undefined;
}

function required<T>(value: T | undefined | null, reason: string): T {
  if (value === undefined || value === null || value === '') throw new UnusableItem(reason);
  return value;
}

/** Turns Facebook Page and Instagram raw items (polled or from webhooks) into messages. */
export class MetaNormalizer {
  constructor(private readonly profile: MetaProfile) {}

  normalize(raw: unknown, channel: Channel): NormalizedMessage | MessageChange {
    if (!isObject(raw)) throw new UnusableItem('item is not an object');
    const item = raw as unknown as MetaItem;
    const ownId = this.profile.ownId(channel);
    switch (item.kind) {
      case 'graph-message':
        return this.graphMessage(item, ownId, channel);
      case 'graph-comment':
        return this.graphComment(item, ownId, channel);
      case 'graph-comment-listing':
        return commentListing(item);
      case 'webhook-message':
        return this.webhookMessage(item, ownId, channel);
      case 'webhook-change':
        return this.webhookChange(item, ownId, channel);
      default:
        throw new UnusableItem(`unknown item kind ${String((raw as { kind?: unknown }).kind)}`);
    }
  }

  private graphMessage(
    { message }: GraphMessageItem,
    ownId: string,
    channel: Channel,
  ): NormalizedMessage {
    if (!isObject(message) || !nonEmpty(message.id)) throw new UnusableItem('message has no id');
    const sentAt = required(parseGraphTime(message.created_time), 'message has no created_time');
    const from = required(message.from, 'message has no sender');
    const outbound = from.id === ownId;
    const person = outbound ? message.to?.data?.find((to) => to.id !== ownId) : from;
    if (!person?.id) throw new UnusableItem('message names no person besides the account');
    const files = message.attachments?.data ?? [];
    const attachments: AttachmentMeta[] = files.map((file) => ({
      filename: file.name ?? 'attachment',
      contentType: file.mime_type ?? 'application/octet-stream',
      size: file.size ?? 0,
    }));
    return this.direct(channel, {
      externalId: message.id,
      person,
      outbound,
      text: message.message ?? '',
      attachments,
      attachmentSources: files.map((file) =>
        sourceAt(file.image_data?.url ?? file.video_data?.url ?? file.file_url),
      ),
      sentAt,
      authorName: outbound ? from.name : displayNameOf(person),
    });
  }

  private webhookMessage(
    { event }: WebhookMessageItem,
    ownId: string,
    channel: Channel,
  ): NormalizedMessage {
    if (!isObject(event) || !isObject(event.message)) {
      throw new UnusableItem('event carries no message');
    }
    const message = event.message;
    if (!nonEmpty(message.mid)) throw new UnusableItem('message has no mid');
    if (typeof event.timestamp !== 'number') throw new UnusableItem('event has no timestamp');
    // Echoes (the account's own messages) come with sender and recipient swapped.
    const outbound = message.is_echo === true || event.sender?.id === ownId;
    const personId = outbound ? event.recipient?.id : event.sender?.id;
    if (!nonEmpty(personId)) throw new UnusableItem('event names no person');
    const attachments: AttachmentMeta[] = (message.attachments ?? []).map((file) => ({
      filename: file.type ?? 'attachment',
      contentType: file.type ?? 'application/octet-stream',
      size: 0,
    }));
    return this.direct(channel, {
      externalId: message.mid,
      person: { id: personId },
      outbound,
      text: message.text ?? '',
      attachments,
      attachmentSources: (message.attachments ?? []).map((file) => sourceAt(file.payload?.url)),
      sentAt: new Date(event.timestamp),
    });
  }

  private direct(
    channel: Channel,
    message: {
      externalId: string;
      person: GraphParticipant;
      outbound: boolean;
      text: string;
      attachments: AttachmentMeta[];
      attachmentSources: (AttachmentSource | undefined)[];
      sentAt: Date;
      authorName?: string;
    },
  ): NormalizedMessage {
    const { person } = message;
    return {
      externalId: message.externalId,
      threadExternalId: threadKey.direct(person.id),
      direction: message.outbound ? 'OUTBOUND' : 'INBOUND',
      contact: this.contact(this.profile.messagingIdentity, person, channel),
      authorName: message.authorName ?? (message.outbound ? undefined : displayNameOf(person)),
      authorAddress: message.outbound ? undefined : (person.username ?? person.id),
      text: message.text,
      attachments: message.attachments,
      ...(message.attachments.length > 0 && { attachmentSources: message.attachmentSources }),
      automatic: false,
      sentAt: message.sentAt,
    };
  }

  private graphComment(item: GraphCommentItem, ownId: string, channel: Channel) {
    const { comment } = item;
    if (!isObject(comment) || !nonEmpty(comment.id)) throw new UnusableItem('comment has no id');
    const sentAt = required(
      parseGraphTime(comment.created_time ?? comment.timestamp),
      'comment has no time',
    );
    const parentId = item.parentId ?? comment.parent?.id;
    return this.comment({
      commentId: comment.id,
      topLevelId: parentId ?? comment.id,
      isReply: Boolean(parentId),
      author:
        comment.from ?? (comment.username ? { id: '', username: comment.username } : undefined),
      text: comment.message ?? comment.text ?? '',
      sentAt,
      subject: subjectOf(item.objectText),
      post: postOf(item.objectId, item.objectText, item.objectPermalink),
      ownId,
      channel,
    });
  }

  private webhookChange(
    item: WebhookChangeItem,
    ownId: string,
    channel: Channel,
  ): NormalizedMessage | MessageChange {
    const { change } = item;
    if (!isObject(change) || !isObject(change.value)) throw new UnusableItem('change has no value');
    const value = change.value;
    if (change.field === 'feed') {
      // Page feed: { item: 'comment', verb, comment_id, post_id, parent_id, from, message, created_time }
      if (value.item !== 'comment')
        throw new UnusableItem(`feed change is a ${String(value.item)}`);
      if (!nonEmpty(value.comment_id)) throw new UnusableItem('comment has no comment_id');
      const parentId =
        nonEmpty(value.parent_id) && value.parent_id !== value.post_id
          ? value.parent_id
          : undefined;
      const seconds = typeof value.created_time === 'number' ? value.created_time : item.entryTime;
      if (seconds === undefined) throw new UnusableItem('comment has no created_time');
      // The entry's time is when the change happened; created_time is the comment's own.
      const changedAt = new Date((item.entryTime ?? seconds) * 1000);
      if (value.verb === 'remove') {
        return { change: 'removed', externalId: value.comment_id, at: changedAt };
      }
      if (value.verb === 'edited' && item.entryTime === undefined) {
        throw new UnusableItem('edit has no time');
      }
      const message = this.comment({
        commentId: value.comment_id,
        topLevelId: parentId ?? value.comment_id,
        isReply: Boolean(parentId),
        author: value.from as GraphParticipant | undefined,
        text: typeof value.message === 'string' ? value.message : '',
        sentAt: new Date(seconds * 1000),
        // Meta's feed change names the post with its link, not its text.
        post: postOf(
          value.post_id,
          undefined,
          isObject(value.post) ? value.post.permalink_url : undefined,
        ),
        ownId,
        channel,
      });
      return value.verb === 'edited' ? { ...message, revisedAt: changedAt } : message;
    }
    if (change.field === 'comments') {
      // Instagram: { id, text, from: {id, username}, media: {id}, parent_id? }
      if (!nonEmpty(value.id)) throw new UnusableItem('comment has no id');
      const parentId = nonEmpty(value.parent_id) ? value.parent_id : undefined;
      if (item.entryTime === undefined) throw new UnusableItem('comment has no time');
      return this.comment({
        commentId: value.id,
        topLevelId: parentId ?? value.id,
        isReply: Boolean(parentId),
        author: value.from as GraphParticipant | undefined,
        text: typeof value.text === 'string' ? value.text : '',
        sentAt: new Date(item.entryTime * 1000),
        post: postOf(isObject(value.media) ? value.media.id : undefined, undefined, undefined),
        ownId,
        channel,
      });
    }
    throw new UnusableItem(`change field ${String(change.field)} is not a comment`);
  }

  private comment(comment: {
    commentId: string;
    topLevelId: string;
    isReply: boolean;
    author: GraphParticipant | undefined;
    text: string;
    sentAt: Date;
    subject?: string;
    post?: PostContext;
    ownId: string;
    channel: Channel;
  }): NormalizedMessage {
    const author = required(comment.author, 'comment names no author');
    const outbound = author.id === comment.ownId;
    // The account's own top-level comments are not questions anyone waits on.
    if (outbound && !comment.isReply) {
      throw new UnusableItem('a top-level comment by the account itself opens no thread');
    }
    const name = displayNameOf(author);
    return {
      externalId: comment.commentId,
      threadExternalId: threadKey.comment(comment.topLevelId),
      subject: comment.subject,
      post: comment.post,
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      // The thread's contact is whoever wrote the top-level comment; for a reply by
      // someone else the writer's identity is still recorded.
      contact:
        outbound || !author.id
          ? undefined
          : this.contact(this.profile.commentIdentity, author, comment.channel),
      authorName: name,
      authorAddress: outbound ? undefined : (author.username ?? (author.id || undefined)),
      text: comment.text,
      attachments: [],
      automatic: false,
      sentAt: comment.sentAt,
    };
  }

  private contact(type: IdentityType, person: GraphParticipant, channel: Channel) {
    return {
      type,
      // Page- and Instagram-scoped ids mean nothing outside their channel.
      scope: channel.id,
      value: person.id,
      displayName: displayNameOf(person),
    };
  }
}

function timeOf(value: unknown, field: string): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new UnusableItem(`listing has no ${field}`);
  return date;
}

function commentListing(item: GraphCommentListingItem): CommentListing {
  if (!nonEmpty(item.objectId)) throw new UnusableItem('listing names no post');
  if (!Array.isArray(item.seen)) throw new UnusableItem('listing has no comments');
  return {
    change: 'listed',
    postId: item.objectId,
    readAt: timeOf(item.readAt, 'readAt'),
    ...(item.coversAfter !== undefined && { coversAfter: timeOf(item.coversAfter, 'coversAfter') }),
    seen: item.seen
      .filter((comment) => isObject(comment) && nonEmpty(comment.id))
      .map((comment) => ({
        externalId: comment.id,
        text: typeof comment.text === 'string' ? comment.text : '',
      })),
  };
}
