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
import { ChannelAuthFailed, goneItemIs, SendRefused } from '../channel-errors';
import { PageCommentReader } from '../meta/comment-readers';
import { ConversationReader } from '../meta/conversation-reader';
import { ContactProfileReader } from '../meta/contact-profile-reader.service';
import { PROFILE_SOURCES } from '../meta/contact-profiles';
import { GraphApi, type GraphSession, graphPath } from '../meta/graph-api.service';
import type { GraphSendResult } from '../meta/graph-types';
import { parseMetaCursor } from '../meta/meta-cursor';
import { MetaNormalizer, isCommentThread, parseThreadKey } from '../meta/meta-normalizer';
import { MetaPoller } from '../meta/meta-poller';
import { metaSettings, requireSetting } from '../meta/meta-settings';

/** Messenger's limit on a text message. */
const MESSENGER_TEXT_LIMIT = 2000;

const pageIdOf = (channel: Pick<Channel, 'config'>) =>
  requireSetting((channel.config ?? {}) as Record<string, unknown>, 'pageId', 'config');

/**
 * A municipality's Facebook Page: Messenger conversations (one thread per
 * person) and comments on the Page's posts (one thread per top-level comment).
 * The Page's own messages and replies are stored as outbound.
 */
@Injectable()
export class FacebookPageAdapter implements ChannelAdapter {
  readonly channelType = 'FACEBOOK_PAGE' as const;
  private readonly normalizer = new MetaNormalizer({
    ownId: pageIdOf,
    messagingIdentity: 'FACEBOOK_PSID',
    commentIdentity: 'FACEBOOK_USER',
  });

  constructor(
    private readonly graph: GraphApi,
    private readonly profiles: ContactProfileReader,
  ) {}

  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
    return metaSettings(
      {
        type: this.channelType,
        ids: { required: ['pageId'], optional: [] },
        token: 'pageAccessToken',
      },
      settings,
    );
  }

  normalize(item: unknown, channel: Channel): NormalizedMessage | MessageChange {
    return this.normalizer.normalize(item, channel);
  }

  poll(context: ChannelContext, cursor: unknown): Promise<PollResult> {
    const pageId = pageIdOf(context.channel);
    const poller = new MetaPoller({
      conversations: new ConversationReader(pageId, 'messenger'),
      comments: new PageCommentReader(pageId),
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
      throw new SendRefused('This thread has no Messenger conversation or comment to answer');
    const graph = this.session(context);
    if (target.kind === 'direct') {
      if (message.text.length > MESSENGER_TEXT_LIMIT) {
        throw new SendRefused(`Messenger takes at most ${MESSENGER_TEXT_LIMIT} characters`);
      }
      const sent = await graph.post<GraphSendResult>(
        graphPath(pageIdOf(context.channel), 'messages'),
        {
          recipient: { id: target.personId },
          messaging_type: 'RESPONSE',
          message: { text: message.text },
        },
      );
      return { externalId: sent.message_id };
    }
    // Replying to the top-level comment keeps the answer in its thread.
    const reply = await graph
      .post<{ id: string }>(graphPath(target.commentId, 'comments'), { message: message.text })
      .catch(goneItemIs(target.commentId));
    return { externalId: reply.id };
  }

  async hideComment(context: ChannelContext, comment: PublicComment): Promise<void> {
    if (!isCommentThread(comment.threadExternalId)) {
      throw new SendRefused('Only public comments can be hidden; this is a private conversation');
    }
    await this.session(context)
      .post(graphPath(comment.externalId), { is_hidden: true })
      .catch(goneItemIs(comment.externalId));
  }

  async refreshContacts(context: ChannelContext): Promise<void> {
    await this.profiles.refresh(context.channel, this.session(context), PROFILE_SOURCES.messenger);
  }

  async testConnection(context: ChannelContext): Promise<void> {
    const pageId = pageIdOf(context.channel);
    const me = await this.session(context).get<{ id: string; name?: string }>('/me', {
      fields: 'id,name',
    });
    if (me.id !== pageId) {
      throw new ChannelAuthFailed(
        `The token is for ${me.name ?? 'another account'} (${me.id}), not Page ${pageId}; use the Page's own access token`,
      );
    }
  }

  private session(context: ChannelContext): GraphSession {
    return this.graph.session(
      context,
      requireSetting(context.secrets, 'pageAccessToken', 'secrets'),
    );
  }
}
