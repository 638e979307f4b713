import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { InboxSearch } from '../inbox/search';
import { ChannelIcon } from '../../ui/ChannelIcon';
import { formatFull, useLanguage } from '../../ui/format';
import { shownSubject } from '../../ui/subject';
import { useTitle } from '../../ui/useTitle';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { PresenceLine } from './PresenceLine';
import { usePresence } from './presence';
import { useThread } from './queries';
import { SlaPanel } from './SlaPanel';
import { ThreadControls } from './ThreadControls';
import './ThreadView.css';

/** One conversation: its messages in order, the reply box, and the thread's settings and SLA. */
export default function ThreadView({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thread = useThread(threadId);
  const onTyping = usePresence(threadId);
  useTitle(thread.data ? shownSubject(thread.data, t) : t('thread.label'));

  const back = (
    <Link to="/" search={(previous: InboxSearch) => previous} className="back-link">
      ← {t('thread.back')}
    </Link>
  );
  if (thread.isPending) return <p className="muted pad">{t('thread.loading')}</p>;
  if (thread.isError) {
    const missing = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <div className="pad">
        {back}
        <p className="notice error" role="alert">
          {missing ? t('thread.notFound') : t('thread.error.load')}
        </p>
      </div>
    );
  }
  const data = thread.data;
  const contact = data.contact?.displayName ?? data.contact?.email ?? t('thread.unknownContact');
  return (
    <article className="thread-view" aria-labelledby="thread-subject">
      <header className="thread-header">
        {back}
        <h2 id="thread-subject">{shownSubject(data, t)}</h2>
        <p className="thread-meta">
          <ChannelIcon type={data.channelType} />
          <span>{data.channelName}</span>
          <span aria-hidden="true">·</span>
          <span>{contact}</span>
          {data.contact?.email && data.contact.displayName && (
            <span className="muted">&lt;{data.contact.email}&gt;</span>
          )}
        </p>
        {/* A line of its own: beside a long address it wrapped, led by a stray separator. */}
        <p className="thread-started muted">
          {t('thread.started', { time: formatFull(data.createdAt, language) })}
        </p>
        <PresenceLine threadId={threadId} />
      </header>
      <div className="thread-columns">
        <div className="thread-main">
          {data.post && (
            <section className="post" aria-labelledby="thread-post">
              <h3 id="thread-post">{t('thread.post')}</h3>
              {data.post.text && <p>{data.post.text}</p>}
              {data.post.permalink && (
                <a href={data.post.permalink} target="_blank" rel="noreferrer noopener">
                  {t('thread.postLink', { network: t(`channel.${data.channelType}`) })}
                </a>
              )}
            </section>
          )}
          <ol className="conversation" aria-label={t('thread.conversation')}>
            {data.messages.map((message) => (
              <li key={message.id}>
                <MessageItem threadId={threadId} message={message} channelType={data.channelType} />
              </li>
            ))}
          </ol>
          <Composer
            threadId={threadId}
            onTyping={onTyping}
            repliesCarryFiles={!data.messages.some((message) => message.publicComment)}
          />
        </div>
        <div className="thread-aside">
          <ThreadControls thread={data} />
          <SlaPanel thread={data} />
        </div>
      </div>
    </article>
  );
}
