import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatFull, useLanguage } from '../../../ui/format';
import { SectionPage } from '../../../ui/SectionPage';
import { useParkedBatches, useRetryBatch } from './queries';
import type { InboundBatch } from './types';
import './parked-batches.css';

/**
 * What ingest gave up on (whole batches, and single items parked from a batch
 * whose other items were stored), with the reason, for an admin to retry.
 */
export function ParkedBatchesPage() {
  const { t } = useTranslation();
  const batches = useParkedBatches();
  const rows = batches.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <SectionPage title={t('sections.parkedBatches')}>
      <p className="parked-intro">{t('parkedBatches.intro')}</p>
      {batches.error && (
        <p className="notice error" role="alert">
          {t('parkedBatches.loadError', { message: batches.error.message })}
        </p>
      )}
      {batches.isPending && <p className="muted">{t('common.loading')}</p>}
      {batches.isSuccess && rows.length === 0 && <p className="muted">{t('parkedBatches.none')}</p>}
      {rows.length > 0 && (
        <table className="data-table parked-table">
          <caption className="visually-hidden">{t('parkedBatches.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parkedBatches.channel')}</th>
              <th scope="col">{t('parkedBatches.received')}</th>
              <th scope="col" className="number">
                {t('parkedBatches.items')}
              </th>
              <th scope="col" className="number">
                {t('parkedBatches.attempts')}
              </th>
              <th scope="col">{t('parkedBatches.reason')}</th>
              <th scope="col">{t('parkedBatches.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((batch) => (
              <BatchRow key={batch.id} batch={batch} />
            ))}
          </tbody>
        </table>
      )}
      {batches.hasNextPage && (
        <Button
          className="button"
          isPending={batches.isFetchingNextPage}
          onPress={() => void batches.fetchNextPage()}
        >
          {t('parkedBatches.more')}
        </Button>
      )}
    </SectionPage>
  );
}

function BatchRow({ batch }: { batch: InboundBatch }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const retry = useRetryBatch();
  return (
    <tr>
      <th scope="row">
        {batch.channelName}
        <span className="parked-meta">
          {t(`channel.${batch.channelType}`)} · {t(`parkedBatches.sourceName.${batch.source}`)}
        </span>
      </th>
      <td>{formatFull(batch.createdAt, language)}</td>
      <td className="number">{batch.itemCount}</td>
      <td className="number">{batch.attempts}</td>
      <td className="parked-reason">
        {batch.lastError ?? <span className="muted">{t('parkedBatches.noReason')}</span>}
      </td>
      <td>
        <ConfirmDialog
          trigger={t('parkedBatches.retry.button')}
          triggerClassName="button small primary"
          title={t('parkedBatches.retry.title')}
          confirmLabel={t('parkedBatches.retry.confirm')}
          tone="primary"
          isPending={retry.isPending}
          error={
            retry.error ? t('parkedBatches.retry.error', { message: retry.error.message }) : null
          }
          onConfirm={(close) =>
            retry.mutate(batch.id, {
              onSuccess: () => {
                announce(t('parkedBatches.retry.done', { channel: batch.channelName }));
                close();
              },
            })
          }
        >
          <p>
            {t('parkedBatches.retry.body', { count: batch.itemCount, channel: batch.channelName })}
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
