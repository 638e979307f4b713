import { Injectable } from '@nestjs/common';
import { MediaCommentReader } from '../meta/comment-readers';
import { ContactProfileReader } from '../meta/contact-profile-reader.service';
import { PROFILE_SOURCES } from '../meta/contact-profiles';
import { GraphApi, graphPath } from '../meta/graph-api.service';
import { MetaAdapter, type MetaChannelProfile } from '../meta/meta.adapter';

/** Instagram's limit on a direct message's text, in UTF-8 bytes. */
const INSTAGRAM_TEXT_BYTES = 1000;

const MB = 1024 * 1024;

/** What Instagram's Send API takes, by type, and how large (Meta's "Upload Media" limits). */
const INSTAGRAM_FILES: Record<string, number> = {
  'image/png': 8 * MB,
  'image/jpeg': 8 * MB,
  'image/gif': 8 * MB,
  'video/mp4': 25 * MB,
  'video/ogg': 25 * MB,
  'video/x-msvideo': 25 * MB,
  'video/quicktime': 25 * MB,
  'video/webm': 25 * MB,
  'audio/aac': 25 * MB,
  'audio/mp4': 25 * MB,
  'audio/x-m4a': 25 * MB,
  'audio/wav': 25 * MB,
  'audio/x-wav': 25 * MB,
  'application/pdf': 25 * MB,
};

export function instagramFileRefusal(file: { contentType: string; size: number }): string | null {
  const limit = INSTAGRAM_FILES[file.contentType.toLowerCase()];
  if (limit === undefined)
    return `Instagram sends only images (PNG, JPEG, GIF), video, audio and PDF files, not ${file.contentType}`;
  return file.size > limit ? `Instagram takes such files of at most ${limit / MB} MB` : null;
}

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
  fileRefusal: instagramFileRefusal,
  directMessage: (personId, message) => ({ recipient: { id: personId }, message }),
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
