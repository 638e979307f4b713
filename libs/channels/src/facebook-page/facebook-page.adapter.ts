import { Injectable } from '@nestjs/common';
import { ChannelAuthFailed } from '../channel-errors';
import { PageCommentReader } from '../meta/comment-readers';
import { ContactProfileReader } from '../meta/contact-profile-reader.service';
import { PROFILE_SOURCES } from '../meta/contact-profiles';
import { GraphApi } from '../meta/graph-api.service';
import { MetaAdapter, type MetaChannelProfile } from '../meta/meta.adapter';

/** Messenger's limit on a text message. */
const MESSENGER_TEXT_LIMIT = 2000;
/** The Send API's limit on an uploaded file. */
const MESSENGER_FILE_BYTES = 25 * 1024 * 1024;

const FACEBOOK_PAGE: MetaChannelProfile = {
  channelType: 'FACEBOOK_PAGE',
  ownIdKey: 'pageId',
  otherIdKeys: [],
  tokenKey: 'pageAccessToken',
  identities: { messaging: 'FACEBOOK_PSID', comment: 'FACEBOOK_USER' },
  conversations: 'messenger',
  comments: (pageId) => new PageCommentReader(pageId),
  replyEdge: 'comments',
  hideParameter: 'is_hidden',
  profiles: PROFILE_SOURCES.messenger,
  nothingToAnswer: 'This thread has no Messenger conversation or comment to answer',
  tooLong: (text) =>
    text.length > MESSENGER_TEXT_LIMIT
      ? `Messenger takes at most ${MESSENGER_TEXT_LIMIT} characters`
      : null,
  fileRefusal: ({ size }) =>
    size > MESSENGER_FILE_BYTES ? 'Messenger takes files of at most 25 MB' : null,
  directMessage: (personId, message) => ({
    recipient: { id: personId },
    messaging_type: 'RESPONSE',
    message,
  }),
  async testConnection(session, pageId) {
    const me = await session.get<{ id: string; name?: string }>('/me', { fields: 'id,name' });
    if (me.id !== pageId) {
      throw new ChannelAuthFailed(
        `The token is for ${me.name ?? 'another account'} (${me.id}), not Page ${pageId}; use the Page's own access token`,
      );
    }
  },
};

/** A municipality's Facebook Page: Messenger conversations and comments on the Page's posts. */
@Injectable()
export class FacebookPageAdapter extends MetaAdapter {
  constructor(graph: GraphApi, profiles: ContactProfileReader) {
    super(FACEBOOK_PAGE, graph, profiles);
  }
}
