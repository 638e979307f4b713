import type { Channel, IdentityType } from '@svara/database';
import type { MessageChange, NormalizedMessage } from '@svara/pipeline';
import type {
  ChannelAdapter,
  ChannelContext,
  ChannelSettings,
  OutgoingFile,
  OutgoingMessage,
  PollResult,
  PublicComment,
  SendResult,
} from '../channel-adapter';
import { goneItemIs, SendRefused } from '../channel-errors';
import type { ContactProfileReader } from './contact-profile-reader.service';
import type { ProfileSource } from './contact-profiles';
import { ConversationReader } from './conversation-reader';
import { type GraphApi, type GraphSession, graphPath } from './graph-api.service';
import type { GraphSendResult } from './graph-types';
import { parseMetaCursor } from './meta-cursor';
import { isCommentThread, MetaNormalizer, parseThreadKey } from './meta-normalizer';
import { MetaPoller, type StreamReader } from './meta-poller';
import { metaSettings, requireSetting } from './meta-settings';

const FILES_ON_COMMENTS =
  'A reply to a public comment cannot carry files; send them in a private message instead';

/** The Send API's attachment type for a file. */
export function sendApiTypeOf(contentType: string): 'image' | 'video' | 'audio' | 'file' {
  const [kind] = contentType.split('/');
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : 'file';
}

/** What sets a Facebook Page channel apart from an Instagram one: data, and two Graph calls. */
export interface MetaChannelProfile {
  channelType: 'FACEBOOK_PAGE' | 'INSTAGRAM';
  /** The config key holding the channel's own account id, and other ids it may hold. */
  ownIdKey: string;
  otherIdKeys: string[];
  /** The secrets key holding the access token. */
  tokenKey: string;
  identities: { messaging: IdentityType; comment: IdentityType };
  conversations: 'messenger' | 'instagram';
  comments: (ownId: string) => StreamReader;
  /** The edge a reply to a top-level comment is posted to. */
  replyEdge: 'comments' | 'replies';
  /** The parameter that hides a comment. */
  hideParameter: 'is_hidden' | 'hide';
  profiles: ProfileSource;
  /** Said when a thread has no conversation or comment to answer. */
  nothingToAnswer: string;
  /** Why a direct message is too long for the platform, or null when it fits. */
  tooLong(text: string): string | null;
  /** Why the platform takes no such file in a direct message, or null when it does. */
  fileRefusal(file: { contentType: string; size: number }): string | null;
  /** The Send API's body for a direct message (`{ text }` or `{ attachment }`). */
  directMessage(personId: string, message: object): Record<string, unknown>;
  testConnection(session: GraphSession, ownId: string): Promise<void>;
}

/**
 * A municipality's Facebook Page or Instagram business account, by its
 * profile: direct messages (one thread per person) and comments on its posts
 * or media (one thread per top-level comment). The account's own messages and
 * replies are stored as outbound.
 */
export abstract class MetaAdapter implements ChannelAdapter {
  readonly channelType: MetaChannelProfile['channelType'];
  private readonly normalizer: MetaNormalizer;

  protected constructor(
    private readonly profile: MetaChannelProfile,
    private readonly graph: GraphApi,
    private readonly contactProfiles: ContactProfileReader,
  ) {
    this.channelType = profile.channelType;
    this.normalizer = new MetaNormalizer({
      ownId: (channel) => this.ownIdOf(channel),
      messagingIdentity: profile.identities.messaging,
      commentIdentity: profile.identities.comment,
    });
  }

  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
    const { channelType, ownIdKey, otherIdKeys, tokenKey } = this.profile;
    return metaSettings(
      { type: channelType, ids: { required: [ownIdKey], optional: otherIdKeys }, token: tokenKey },
      settings,
    );
  }

  normalize(item: unknown, channel: Channel): NormalizedMessage | MessageChange {
    return this.normalizer.normalize(item, channel);
  }

  isPublicComment(threadExternalId: string): boolean {
    return isCommentThread(threadExternalId);
  }

  poll(context: ChannelContext, cursor: unknown): Promise<PollResult> {
    const ownId = this.ownIdOf(context.channel);
    const poller = new MetaPoller({
      conversations: new ConversationReader(ownId, this.profile.conversations),
      comments: this.profile.comments(ownId),
    });
    const { backfillSince } = context.channel;
    return poller.poll(
      this.session(context),
      parseMetaCursor(cursor, backfillSince),
      backfillSince,
    );
  }

  async send(context: ChannelContext, message: OutgoingMessage): Promise<SendResult> {
    const target = parseThreadKey(message.thread.externalId);
    if (!target) throw new SendRefused(this.profile.nothingToAnswer);
    const graph = this.session(context);
    if (target.kind === 'direct') {
      const tooLong = this.profile.tooLong(message.text);
      if (tooLong) throw new SendRefused(tooLong);
      const path = graphPath(this.ownIdOf(context.channel), 'messages');
      // Each file is a message of its own, sent before the text: the text's
      // id is the reply's, so a retry resends only what did not go out.
      for (const file of message.files) {
        if (file.sentExternalId) continue;
        const refusal = this.profile.fileRefusal(file);
        if (refusal) throw new SendRefused(refusal);
        const sent = await graph.postForm<GraphSendResult>(
          path,
          await this.fileMessage(target.personId, file),
        );
        await message.fileSent(file.n, sent.message_id);
      }
      const sent = await graph.post<GraphSendResult>(
        path,
        this.profile.directMessage(target.personId, { text: message.text }),
      );
      return { externalId: sent.message_id };
    }
    if (message.files.length > 0) throw new SendRefused(FILES_ON_COMMENTS);
    // Replying to the top-level comment keeps the answer in its thread (Instagram answers no other).
    const reply = await graph
      .post<{ id: string }>(graphPath(target.commentId, this.profile.replyEdge), {
        message: message.text,
      })
      .catch(goneItemIs(target.commentId));
    return { externalId: reply.id };
  }

  fileRefusal(threadExternalId: string, file: { contentType: string; size: number }) {
    return isCommentThread(threadExternalId) ? FILES_ON_COMMENTS : this.profile.fileRefusal(file);
  }

  /** The Send API's upload-and-send form: the message's fields as JSON, the file as `filedata`. */
  private async fileMessage(personId: string, file: OutgoingFile): Promise<FormData> {
    const fields = this.profile.directMessage(personId, {
      attachment: { type: sendApiTypeOf(file.contentType), payload: { is_reusable: false } },
    });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields))
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    form.append(
      'filedata',
      new Blob([await file.bytes()], { type: file.contentType }),
      file.filename,
    );
    return form;
  }

  async hideComment(context: ChannelContext, comment: PublicComment): Promise<void> {
    if (!isCommentThread(comment.threadExternalId)) {
      throw new SendRefused('Only public comments can be hidden; this is a private conversation');
    }
    await this.session(context)
      .post(graphPath(comment.externalId), { [this.profile.hideParameter]: true })
      .catch(goneItemIs(comment.externalId));
  }

  async refreshContacts(context: ChannelContext): Promise<void> {
    await this.contactProfiles.refresh(
      context.channel,
      this.session(context),
      this.profile.profiles,
    );
  }

  testConnection(context: ChannelContext): Promise<void> {
    return this.profile.testConnection(this.session(context), this.ownIdOf(context.channel));
  }

  private ownIdOf(channel: Pick<Channel, 'config'>): string {
    return requireSetting(
      (channel.config ?? {}) as Record<string, unknown>,
      this.profile.ownIdKey,
      'config',
    );
  }

  private session(context: ChannelContext): GraphSession {
    return this.graph.session(
      context,
      requireSetting(context.secrets, this.profile.tokenKey, 'secrets'),
    );
  }
}
