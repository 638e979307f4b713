import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { JobProgress } from '../../../ui/JobProgress';

const FINISHED = new Set(['completed', 'failed']);

/** Live progress of recomputing open threads' due times after a policy or calendar change. */
export function RecomputationProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery({
    queryKey: ['sla-recomputations', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/sla-recomputations/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (FINISHED.has(query.state.data?.state ?? '') ? false : 500),
  });
  if (error) return <p className="notice error">{error.message}</p>;
  const progress = data?.result ?? data?.progress;
  if (data?.state === 'failed')
    return (
      <p className="notice error" role="alert">
        {t('slaPolicies.recompute.failed', { reason: data.failedReason ?? '' })}
      </p>
    );
  if (data?.state === 'completed')
    return (
      <p className="notice" role="status">
        {t('slaPolicies.recompute.done', { count: progress?.total ?? 0 })}
      </p>
    );
  return (
    <JobProgress
      label={t('slaPolicies.recompute.running')}
      done={progress?.done ?? 0}
      total={progress?.total}
    />
  );
}
