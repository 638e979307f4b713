import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFull, useLanguage } from '../../../ui/format';
import { SectionPage } from '../../../ui/SectionPage';
import { TextField } from '../../../ui/TextField';
import { ANY, LogFilters, LogOutcome, LogPager, PersonFilter } from './LogFilters';
import { useAccessLog } from './queries';
import { type AccessSearch, validateAccessSearch } from './search';
import '../records.css';

/** Who opened which thread: the access log with its filters in the URL. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const search = validateAccessSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const [userId, setUserId] = useState(search.userId ?? ANY);
  const [threadId, setThreadId] = useState(search.threadId ?? '');
  const [range, setRange] = useState({ from: search.from ?? '', to: search.to ?? '' });
  const log = useAccessLog(search);

  const go = (next: AccessSearch) =>
    void navigate({ to: '.', search: validateAccessSearch({ ...next }) as never });
  const threadError =
    threadId.trim() && !validateAccessSearch({ threadId: threadId.trim() }).threadId
      ? t('records.logs.threadIdError')
      : undefined;
  const apply = () => {
    if (threadError) return;
    go({ userId: userId === ANY ? undefined : userId, threadId: threadId.trim(), ...range });
  };
  const clear = () => {
    setUserId(ANY);
    setThreadId('');
    setRange({ from: '', to: '' });
    go({});
  };
  const entries = log.data?.data ?? [];

  return (
    <SectionPage title={t('sections.accessLog')}>
      <p className="muted intro">{t('records.logs.accessIntro')}</p>
      <LogFilters
        label={t('records.logs.filters')}
        range={range}
        onRangeChange={setRange}
        onApply={apply}
        onClear={clear}
      >
        <PersonFilter label={t('records.logs.user')} value={userId} onChange={setUserId} />
        <TextField
          label={t('records.logs.threadId')}
          value={threadId}
          onChange={setThreadId}
          errorMessage={threadError}
        />
      </LogFilters>
      <LogOutcome error={log.error} empty={log.isSuccess && entries.length === 0} />
      {entries.length > 0 && (
        <table className="data-table log-table">
          <caption className="visually-hidden">{t('sections.accessLog')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.logs.when')}</th>
              <th scope="col">{t('records.logs.user')}</th>
              <th scope="col">{t('records.logs.thread')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatFull(entry.openedAt, language)}</td>
                <td>
                  {entry.user.name}
                  <div className="muted">{entry.user.email}</div>
                </td>
                <td>
                  <Link
                    to="/threads/$threadId"
                    params={{ threadId: entry.threadId }}
                    className="id-text"
                  >
                    {entry.threadId}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LogPager
        cursor={search.cursor}
        nextCursor={log.data?.nextCursor}
        onPage={(cursor) => go({ ...search, cursor })}
      />
    </SectionPage>
  );
}
