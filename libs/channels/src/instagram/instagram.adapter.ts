import { Injectable } from '@nestjs/common';
import { MediaCommentReader } from '../meta/comment-readers';
import { ContactProfileReader } from '../meta/contact-profile-reader.service';
import { PROFILE_SOURCES } from '../meta/contact-profiles';
import { GraphApi, graphPath } from '../meta/graph-api.service';
import { MetaAdapter, type MetaChannelProfile } from '../meta/meta.adapter';

/** Instagram's limit on a direct message's text, in UTF-8 bytes. */
const INSTAGRAM_TEXT_BYTES = 1000;

const INSTAGRAM: MetaChannelProfile = {
  channelType: 'INSTAGRAM',
  ownIdKey: 'igUserId',
  otherIdKeys: ['pageId'],
  tokenKey: 'accessToken',
  identities: { messaging: 'INSTAGRAM_USER', comment: 'INSTAGRAM_USER' },
  conversations: 'instagram',
  comments: (igUserId) => new MediaCommentReader(igUserId),
  replyEdge: 'replies',
  hideParameter: 'hide',
  profiles: PROFILE_SOURCES.instagram,
  nothingToAnswer: 'This thread has no Instagram conversation or comment to answer',
  tooLong: (text) =>
    Buffer.byteLength(text, 'utf8') > INSTAGRAM_TEXT_BYTES
      ? `Instagram takes at most ${INSTAGRAM_TEXT_BYTES} bytes in a message`
      : null,
  directMessage: (personId, text) => ({ recipient: { id: personId }, message: { text } }),
  async testConnection(session, igUserId) {
    await session.get(graphPath(igUserId), { fields: 'id,username' });
  },
};

/** A municipality's Instagram business account: direct messages and comments on its media. */
@Injectable()
export class InstagramAdapter extends MetaAdapter {
  constructor(graph: GraphApi, profiles: ContactProfileReader) {
    super(INSTAGRAM, graph, profiles);
  }
}
