import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatFull, useLanguage } from '../../../ui/format';
import { JobProgress } from '../../../ui/JobProgress';
import { usePolicyRuns, useStartRun } from './queries';
import type { RetentionPolicy, RetentionRun } from './types';

/** A policy's runs, newest first, with live progress; and starting one by hand. */
export function PolicyRuns({ policy }: { policy: RetentionPolicy }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const runs = usePolicyRuns(policy.id);
  const start = useStartRun(policy.id);

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{t('records.retention.runs.title', { name: policy.name })}</h2>
        <ConfirmDialog
          trigger={t('records.retention.runs.start')}
          triggerClassName="button"
          title={t('records.retention.runs.confirmTitle', { name: policy.name })}
          confirmLabel={t('records.retention.runs.start')}
          isPending={start.isPending}
          error={start.error?.message}
          onConfirm={(close) =>
            start.mutate(undefined, {
              onSuccess: () => {
                announce(t('records.retention.runs.started'));
                close();
              },
            })
          }
        >
          <p>
            {t('records.retention.runs.confirmBody', {
              verb: t(`records.retention.takes.${policy.action}`),
              days: policy.afterDays,
            })}
          </p>
        </ConfirmDialog>
      </div>
      {runs.data?.length === 0 && <p className="muted">{t('records.retention.runs.none')}</p>}
      {runs.isError && (
        <p className="notice error" role="alert">
          {runs.error.message}
        </p>
      )}
      {runs.data && runs.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('records.retention.runs.title', { name: policy.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('records.retention.runs.startedAt')}</th>
              <th scope="col">{t('records.status')}</th>
              <th scope="col">{t('records.retention.runs.result')}</th>
              <th scope="col">{t('records.retention.runs.finishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id}>
                <td>{formatFull(run.startedAt, language)}</td>
                <td>{t(`records.retention.runs.status.${run.status}`)}</td>
                <td>
                  <RunResult run={run} />
                </td>
                <td>{run.finishedAt && formatFull(run.finishedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RunResult({ run }: { run: RetentionRun }) {
  const { t } = useTranslation();
  if (run.status === 'RUNNING') {
    return (
      <JobProgress
        label={t('records.retention.runs.progress')}
        done={run.progress.done}
        total={run.progress.total}
      />
    );
  }
  if (run.status === 'FAILED') return <span className="error-text">{run.error}</span>;
  return (
    <>
      {t('records.retention.runs.done', {
        count: run.progress.done,
        verb: t(`records.retention.took.${run.action}`),
      })}
    </>
  );
}
