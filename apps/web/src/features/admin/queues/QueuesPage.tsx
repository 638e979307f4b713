import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { QueueJobs } from './QueueJobs';
import { useQueues } from './queries';
import type { Queue, QueueName } from './types';
import './queues.css';

const COUNTED = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** The work queues with their counts, and the jobs of the one chosen (its failed ones first). */
export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQueues();
  const [chosen, setChosen] = useState<QueueName | null>(null);
  const list = queues.data?.data ?? [];
  // Once the queues are known: the first with failed jobs, else the first. It
  // stays chosen when its failed jobs are retried, so the view does not jump.
  const initial = list.find((queue) => queue.counts.failed > 0)?.name ?? list[0]?.name;
  if (chosen === null && initial) setChosen(initial);
  const shown = chosen ?? initial;

  return (
    <SectionPage title={t('sections.queues')}>
      <p className="page-intro">{t('queues.intro')}</p>
      {queues.error && (
        <p className="notice error" role="alert">
          {t('queues.loadError', { message: queues.error.message })}
        </p>
      )}
      {queues.isPending && <p className="muted">{t('common.loading')}</p>}
      {list.length > 0 && (
        <table className="data-table queue-table">
          <caption className="visually-hidden">{t('queues.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queues.queue')}</th>
              {COUNTED.map((state) => (
                <th scope="col" className="number" key={state}>
                  {t(`queues.state.${state}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('queues.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((queue) => (
              <QueueRow
                key={queue.name}
                queue={queue}
                isShown={queue.name === shown}
                onShow={() => setChosen(queue.name)}
              />
            ))}
          </tbody>
        </table>
      )}
      {shown && <QueueJobs key={shown} queue={shown} />}
    </SectionPage>
  );
}

function QueueRow({
  queue,
  isShown,
  onShow,
}: {
  queue: Queue;
  isShown: boolean;
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const name = t(`queues.name.${queue.name}`);
  return (
    <tr className={isShown ? 'is-shown' : undefined} aria-current={isShown ? 'true' : undefined}>
      <th scope="row">
        {name}
        <span className="queue-id">{queue.name}</span>
      </th>
      {COUNTED.map((state) => (
        <td
          key={state}
          className={`number${state === 'failed' && queue.counts.failed > 0 ? ' has-failed' : ''}`}
        >
          {queue.counts[state]}
        </td>
      ))}
      <td className="queue-action">
        {isShown ? (
          <span className="shown-mark">{t('queues.shown')}</span>
        ) : (
          <Button className="button small subtle" onPress={onShow}>
            {t('queues.show')}
            <span className="visually-hidden"> {t('queues.showIn', { queue: name })}</span>
          </Button>
        )}
      </td>
    </tr>
  );
}
