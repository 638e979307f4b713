import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatRelative, formatWaiting, useLanguage } from '../../ui/format';
import { SlaBadge } from '../inbox/SlaBadge';
import type { DashboardThread } from './types';

/** A dashboard list of threads: each a link to the thread, its SLA state in words, who has it. */
export function DashboardThreadList({
  threads,
  now,
  empty,
  labelledBy,
}: {
  threads: DashboardThread[];
  now: number;
  empty: string;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (threads.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="dashboard-threads" aria-labelledby={labelledBy}>
      {threads.map((thread) => (
        <li key={thread.id} className="dashboard-thread">
          <div className="dashboard-thread-head">
            <Link
              to="/threads/$threadId"
              params={{ threadId: thread.id }}
              className="dashboard-thread-link"
            >
              {thread.subject ?? t('lead.dashboard.noSubject')}
            </Link>
            <SlaBadge state={thread.slaState} dueAt={thread.dueAt} now={now} />
          </div>
          <p className="dashboard-thread-meta muted">
            {[
              thread.contactName,
              `${t(`channel.${thread.channelType}`)} · ${thread.channelName}`,
              thread.assigneeName ?? t('lead.dashboard.nobody'),
              thread.waitingSince &&
                t('lead.dashboard.waited', {
                  time: formatWaiting(thread.waitingSince, language, now),
                }),
              thread.dueAt &&
                t(thread.slaState === 'BREACHED' ? 'lead.dashboard.wasDue' : 'lead.dashboard.due', {
                  relative: formatRelative(thread.dueAt, language, now),
                }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
