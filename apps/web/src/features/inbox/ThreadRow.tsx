import { Checkbox, GridListItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../../api/types';
import { ChannelIcon } from '../../ui/ChannelIcon';
import { formatFull, formatWaiting, useLanguage } from '../../ui/format';
import { shownSubject } from '../../ui/subject';
import { SlaBadge } from './SlaBadge';
import './ThreadRow.css';

/** Tags a row has room for; the rest are counted. */
const SHOWN_TAGS = 3;

type Names = { users: Map<string, { name: string }>; teams: Map<string, { name: string }> };

export function ThreadRow({
  thread,
  names,
  now,
  isActive,
}: {
  thread: ThreadSummary;
  names: Names;
  now: number;
  isActive: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const contact =
    thread.contact?.displayName ?? thread.contact?.email ?? t('thread.unknownContact');
  const subject = shownSubject(thread, t);
  const assignee = thread.assigneeId
    ? (names.users.get(thread.assigneeId)?.name ?? t('inbox.row.unknownPerson'))
    : t('inbox.row.unassigned');
  const team = thread.teamId ? names.teams.get(thread.teamId)?.name : undefined;
  return (
    <GridListItem
      id={thread.id}
      textValue={`${contact}, ${subject}`}
      className={`thread-row${isActive ? ' is-active' : ''}`}
      data-thread-id={thread.id}
    >
      <Checkbox
        slot="selection"
        className="checkbox"
        aria-label={t('inbox.row.select', { subject })}
      >
        <span className="checkbox-box" aria-hidden="true" />
      </Checkbox>
      <ChannelIcon type={thread.channelType} />
      <div className="row-main">
        <div className="row-line">
          <span className="row-contact">{contact}</span>
          <span className="row-channel muted">{thread.channelName}</span>
          {thread.status !== 'OPEN' && (
            <span className={`status-tag status-${thread.status.toLowerCase()}`}>
              {t(`status.${thread.status}`)}
            </span>
          )}
          {thread.tags.length > 0 && (
            <span className="row-tags">
              <span className="visually-hidden">{t('inbox.row.tags')} </span>
              {thread.tags.slice(0, SHOWN_TAGS).map((tag) => (
                <span key={tag} className="row-tag">
                  {tag}
                </span>
              ))}
              {thread.tags.length > SHOWN_TAGS && (
                <span className="row-tag more">
                  {t('inbox.row.moreTags', { count: thread.tags.length - SHOWN_TAGS })}
                </span>
              )}
            </span>
          )}
        </div>
        <div className="row-line">
          <span className="row-subject">{subject}</span>
          {thread.snippet && <span className="row-snippet muted"> — {thread.snippet}</span>}
        </div>
      </div>
      <div className="row-meta">
        <div className="row-line end">
          {thread.waitingSince && (
            <time
              dateTime={thread.waitingSince}
              className="row-waiting"
              title={formatFull(thread.waitingSince, language)}
            >
              {t('inbox.row.waiting', { time: formatWaiting(thread.waitingSince, language, now) })}
            </time>
          )}
          <SlaBadge state={thread.slaState} dueAt={thread.dueAt} now={now} />
        </div>
        <div className="row-line end muted">
          {team && <span className="row-team">{team}</span>}
          <span className="row-assignee">{assignee}</span>
        </div>
      </div>
    </GridListItem>
  );
}
