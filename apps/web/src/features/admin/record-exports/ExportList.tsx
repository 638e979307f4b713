import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../../api/client';
import { formatBytes, formatFull, useLanguage } from '../../../ui/format';
import { JobProgress } from '../../../ui/JobProgress';
import { useRecordExports } from './queries';
import type { RecordExport } from './types';

/** The latest exports with their progress, and each finished package with its SHA-256. */
export function ExportList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const exports = useRecordExports();
  const items = exports.data?.data ?? [];
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('records.exports.listTitle')}</h2>
      <p className="muted intro">{t('records.exports.checksumHelp')}</p>
      {exports.isPending && <p className="muted">{t('common.loading')}</p>}
      {exports.isError && (
        <p className="notice error" role="alert">
          {exports.error.message}
        </p>
      )}
      {exports.isSuccess && items.length === 0 && (
        <p className="muted">{t('records.exports.none')}</p>
      )}
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('records.exports.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.exports.requestedAt')}</th>
              <th scope="col">{t('records.exports.requestedBy')}</th>
              <th scope="col">{t('records.exports.purpose')}</th>
              <th scope="col">{t('records.status')}</th>
              <th scope="col">{t('records.exports.checksum')}</th>
              <th scope="col">{t('records.exports.package')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-export-id={item.id}>
                <td>{formatFull(item.createdAt, language)}</td>
                <td>{item.requestedBy?.name ?? t('records.system')}</td>
                <td>
                  {t(`records.exports.purposes.${item.purpose}`)}
                  <div className="muted">
                    {t('records.exports.threadCount', { count: item.threadCount })}
                  </div>
                </td>
                <td>
                  <ExportStatus item={item} />
                </td>
                <td>{item.sha256 && <code className="checksum">{item.sha256}</code>}</td>
                <td>
                  {item.status === 'DONE' && (
                    <a
                      className="button small"
                      href={`${API_BASE}/record-exports/${item.id}/package`}
                      download
                    >
                      {t('records.exports.download')}
                      {item.byteSize !== null && ` (${formatBytes(item.byteSize, language)})`}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ExportStatus({ item }: { item: RecordExport }) {
  const { t } = useTranslation();
  if (item.status === 'QUEUED' || item.status === 'RUNNING') {
    return (
      <JobProgress
        label={t(`records.exports.status.${item.status}`)}
        done={item.threadsDone}
        total={item.threadCount}
      />
    );
  }
  if (item.status === 'FAILED') {
    return (
      <>
        {t('records.exports.status.FAILED')}
        <div className="error-text">{item.error}</div>
      </>
    );
  }
  return <>{t('records.exports.status.DONE')}</>;
}
