import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../../ui/ChannelIcon';
import { formatFull, useLanguage } from '../../../ui/format';
import type { DryRun } from './types';

/** What a rule would take today: the count, the cut-off, and the oldest threads by subject. */
export function DryRunResult({ result, stale }: { result: DryRun; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const closedBefore = formatFull(result.closedBefore, language);
  return (
    <section className="dry-run" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('records.retention.dryRun.title')}</h3>
      {stale && (
        <p className="notice warning" role="status">
          {t('records.retention.dryRun.stale')}
        </p>
      )}
      <p>
        {t('records.retention.dryRun.summary', {
          count: result.total,
          verb: t(`records.retention.takes.${result.action}`),
          date: closedBefore,
        })}
      </p>
      {result.threads.length > 0 && (
        <>
          {result.threads.length < result.total && (
            <p className="muted">
              {t('records.retention.dryRun.sample', {
                shown: result.threads.length,
                total: result.total,
              })}
            </p>
          )}
          <table className="data-table">
            <caption className="visually-hidden">{t('records.retention.dryRun.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records.thread.subject')}</th>
                <th scope="col">{t('records.thread.channel')}</th>
                <th scope="col">{t('records.thread.closedAt')}</th>
                <th scope="col" className="number">
                  {t('records.thread.messages')}
                </th>
                <th scope="col">{t('records.retention.tags')}</th>
              </tr>
            </thead>
            <tbody>
              {result.threads.map((thread) => (
                <tr key={thread.id}>
                  <th scope="row">
                    <Link to="/threads/$threadId" params={{ threadId: thread.id }}>
                      {thread.subject || t('records.thread.noSubject')}
                    </Link>
                  </th>
                  <td>
                    <span className="channel-cell">
                      <ChannelIcon type={thread.channel.type} /> {thread.channel.name}
                    </span>
                  </td>
                  <td>{thread.closedAt && formatFull(thread.closedAt, language)}</td>
                  <td className="number">{thread.messageCount}</td>
                  <td>{thread.tags.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
