import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatFull, useLanguage } from '../../../ui/format';
import { SelectField } from '../../../ui/SelectField';
import { JOBS_PER_PAGE, useJobAction, useQueueJobs } from './queries';
import type { QueueJob, QueueJobState, QueueName } from './types';

const STATES: QueueJobState[] = ['failed', 'delayed', 'waiting', 'active', 'completed'];

/** One queue's jobs in one state, a page at a time; failed ones can be run again or removed. */
export function QueueJobs({ queue }: { queue: QueueName }) {
  const { t } = useTranslation();
  const [state, setState] = useState<QueueJobState>('failed');
  const [offset, setOffset] = useState(0);
  const jobs = useQueueJobs(queue, state, offset);
  const queueName = t(`queues.name.${queue}`);
  const page = jobs.data;
  // The last jobs of a later page were retried or removed: back to the first page.
  const pastTheEnd = offset > 0 && page !== undefined && page.data.length === 0;
  if (pastTheEnd) setOffset(0);

  return (
    <section className="queue-jobs" aria-labelledby="queue-jobs-heading">
      <div className="queue-jobs-header">
        <h2 id="queue-jobs-heading">{t('queues.jobsOf', { queue: queueName })}</h2>
        <SelectField
          label={t('queues.stateLabel')}
          value={state}
          options={STATES.map((id) => ({ id, name: t(`queues.state.${id}`) }))}
          onChange={(id) => {
            setState(id as QueueJobState);
            setOffset(0);
          }}
        />
      </div>
      {jobs.error && (
        <p className="notice error" role="alert">
          {t('queues.loadError', { message: jobs.error.message })}
        </p>
      )}
      {jobs.isPending && <p className="muted">{t('common.loading')}</p>}
      {page && page.data.length === 0 && <p className="muted">{t('queues.none')}</p>}
      {page && page.data.length > 0 && (
        <>
          <table className="data-table job-table">
            <caption className="visually-hidden">
              {t('queues.jobsTable', { queue: queueName, state: t(`queues.state.${state}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('queues.job')}</th>
                <th scope="col">{t('queues.details')}</th>
                <th scope="col" className="number">
                  {t('queues.attempts')}
                </th>
                <th scope="col">{t('queues.reason')}</th>
                <th scope="col">{t('queues.times')}</th>
                {state === 'failed' && <th scope="col">{t('queues.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {page.data.map((job) => (
                <JobRow key={job.id} job={job} queue={queue} />
              ))}
            </tbody>
          </table>
          <Pager
            offset={offset}
            shown={page.data.length}
            total={page.total}
            nextOffset={page.nextOffset}
            onMove={setOffset}
          />
        </>
      )}
    </section>
  );
}

function JobRow({ job, queue }: { job: QueueJob; queue: QueueName }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const title = i18n.exists(`queues.jobName.${job.name}`)
    ? t(`queues.jobName.${job.name}`)
    : job.name;
  return (
    <tr>
      <th scope="row">
        {title}
        <span className="queue-id">{job.id}</span>
      </th>
      <td>
        {job.details.length > 0 && (
          <dl className="job-details">
            {job.details.map((detail) => (
              <div key={detail.name}>
                <dt>
                  {i18n.exists(`queues.detail.${detail.name}`)
                    ? t(`queues.detail.${detail.name}`)
                    : detail.name}
                </dt>
                <dd>{detail.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
      <td className="number">
        {t('queues.attemptsOf', { made: job.attemptsMade, allowed: job.attempts })}
      </td>
      <td className="job-reason">
        {job.failedReason ?? <span className="muted">{t('queues.noReason')}</span>}
      </td>
      <td className="job-times">
        <span>{t('queues.added', { time: formatFull(job.addedAt, language) })}</span>
        {job.finishedAt && (
          <span>{t('queues.finished', { time: formatFull(job.finishedAt, language) })}</span>
        )}
      </td>
      {job.state === 'failed' && (
        <td>
          <div className="job-actions">
            <JobActionButton action="retry" job={job} queue={queue} title={title} />
            <JobActionButton action="remove" job={job} queue={queue} title={title} />
          </div>
        </td>
      )}
    </tr>
  );
}

function JobActionButton({
  action,
  job,
  queue,
  title,
}: {
  action: 'retry' | 'remove';
  job: QueueJob;
  queue: QueueName;
  title: string;
}) {
  const { t } = useTranslation();
  const mutation = useJobAction(action);
  return (
    <ConfirmDialog
      trigger={t(`queues.${action}.button`)}
      triggerClassName={`button small${action === 'retry' ? ' primary' : ''}`}
      title={t(`queues.${action}.title`)}
      confirmLabel={t(`queues.${action}.confirm`)}
      tone={action === 'retry' ? 'primary' : 'danger'}
      isPending={mutation.isPending}
      error={
        mutation.error ? t(`queues.${action}.error`, { message: mutation.error.message }) : null
      }
      onConfirm={(close) =>
        mutation.mutate(
          { queue, id: job.id },
          {
            onSuccess: () => {
              announce(t(`queues.${action}.done`, { job: title }));
              close();
            },
          },
        )
      }
    >
      <p>{t(`queues.${action}.body`, { job: title })}</p>
    </ConfirmDialog>
  );
}

function Pager({
  offset,
  shown,
  total,
  nextOffset,
  onMove,
}: {
  offset: number;
  shown: number;
  total: number;
  nextOffset: number | null;
  onMove: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (offset === 0 && nextOffset === null) return null;
  return (
    <div className="pager">
      <span className="muted">
        {t('queues.pageOf', { from: offset + 1, to: offset + shown, total })}
      </span>
      <Button
        className="button small"
        isDisabled={offset === 0}
        onPress={() => onMove(Math.max(0, offset - JOBS_PER_PAGE))}
      >
        {t('queues.previous')}
      </Button>
      <Button
        className="button small"
        isDisabled={nextOffset === null}
        onPress={() => nextOffset !== null && onMove(nextOffset)}
      >
        {t('queues.next')}
      </Button>
    </div>
  );
}
