import type { TFunction } from 'i18next';
import type { ChannelType } from '../api/types';

// Ingest names a comment thread after its post in English, `Comment on “…”`
// (libs/channels meta-normalizer); the app says it in the reader's language.
const COMMENT_SUBJECT = /^Comment on “([\s\S]*)”$/;

/** A thread's subject as the app shows it. */
export function shownSubject(
  thread: { subject: string | null; channelType: ChannelType },
  t: TFunction,
): string {
  if (!thread.subject) return t('thread.noSubject');
  const isMeta = thread.channelType === 'FACEBOOK_PAGE' || thread.channelType === 'INSTAGRAM';
  const comment = isMeta ? COMMENT_SUBJECT.exec(thread.subject) : null;
  return comment ? t('thread.commentOn', { post: comment[1] }) : thread.subject;
}
