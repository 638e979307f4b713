import { Injectable } from '@nestjs/common';
import type { Channel } from '@svara/database';
import type { MessageChange, NormalizedMessage } from '@svara/pipeline';
import type {
  ChannelAdapter,
  ChannelContext,
  ChannelSettings,
  OutgoingMessage,
  PollResult,
  PublicComment,
  SendResult,
} from '../channel-adapter';
import { goneItemIs, SendRefused } from '../channel-errors';
import { MediaCommentReader } from '../meta/comment-readers';
import { ConversationReader } from '../meta/conversation-reader';
import { ContactProfileReader } from '../meta/contact-profile-reader.service';
import { PROFILE_SOURCES } from '../meta/contact-profiles';
import { GraphApi, type GraphSession, graphPath } from '../meta/graph-api.service';
import type { GraphSendResult } from '../meta/graph-types';
import { parseMetaCursor } from '../meta/meta-cursor';
import { MetaNormalizer, isCommentThread, parseThreadKey } from '../meta/meta-normalizer';
import { MetaPoller } from '../meta/meta-poller';
import { metaSettings, requireSetting } from '../meta/meta-settings';

/** Instagram's limit on a direct message's text, in UTF-8 bytes. */
const INSTAGRAM_TEXT_BYTES = 1000;

const igUserIdOf = (channel: Pick<Channel, 'config'>) =>
  requireSetting((channel.config ?? {}) as Record<string, unknown>, 'igUserId', 'config');

/**
 * A municipality's Instagram business account: direct messages (one thread per
 * person) and comments on its media (one thread per top-level comment).
 */
@Injectable()
export class InstagramAdapter implements ChannelAdapter {
  readonly channelType = 'INSTAGRAM' as const;
  private readonly normalizer = new MetaNormalizer({
    ownId: igUserIdOf,
    messagingIdentity: 'INSTAGRAM_USER',
    commentIdentity: 'INSTAGRAM_USER',
  });

  constructor(
    private readonly graph: GraphApi,
    private readonly profiles: ContactProfileReader,
  ) {}

  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
    return metaSettings(
      {
        type: this.channelType,
        ids: { required: ['igUserId'], optional: ['pageId'] },
        token: 'accessToken',
      },
      settings,
    );
  }

  normalize(item: unknown, channel: Channel): NormalizedMessage | MessageChange {
    return this.normalizer.normalize(item, channel);
  }

  poll(context: ChannelContext, cursor: unknown): Promise<PollResult> {
    const igUserId = igUserIdOf(context.channel);
    const poller = new MetaPoller({
      conversations: new ConversationReader(igUserId, 'instagram'),
      comments: new MediaCommentReader(igUserId),
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
    if (!target)
      throw new SendRefused('This thread has no Instagram conversation or comment to answer');
    const graph = this.session(context);
    if (target.kind === 'direct') {
      if (Buffer.byteLength(message.text, 'utf8') > INSTAGRAM_TEXT_BYTES) {
        throw new SendRefused(`Instagram takes at most ${INSTAGRAM_TEXT_BYTES} bytes in a message`);
      }
      const sent = await graph.post<GraphSendResult>(
        graphPath(igUserIdOf(context.channel), 'messages'),
        {
          recipient: { id: target.personId },
          message: { text: message.text },
        },
      );
      return { externalId: sent.message_id };
    }
    // Instagram answers top-level comments only, which is what a thread is keyed by.
    const reply = await graph
      .post<{ id: string }>(graphPath(target.commentId, 'replies'), { message: message.text })
      .catch(goneItemIs(target.commentId));
    return { externalId: reply.id };
  }

  async hideComment(context: ChannelContext, comment: PublicComment): Promise<void> {
    if (!isCommentThread(comment.threadExternalId)) {
      throw new SendRefused('Only public comments can be hidden; this is a private conversation');
    }
    await this.session(context)
      .post(graphPath(comment.externalId), { hide: true })
      .catch(goneItemIs(comment.externalId));
  }

  async refreshContacts(context: ChannelContext): Promise<void> {
    await this.profiles.refresh(context.channel, this.session(context), PROFILE_SOURCES.instagram);
  }

  async testConnection(context: ChannelContext): Promise<void> {
    await this.session(context).get(graphPath(igUserIdOf(context.channel)), {
      fields: 'id,username',
    });
  }

  private session(context: ChannelContext): GraphSession {
    return this.graph.session(context, requireSetting(context.secrets, 'accessToken', 'secrets'));
  }
}
