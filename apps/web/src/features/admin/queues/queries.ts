import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { QueueJobState, QueueName } from './types';

/** While the page is open its figures follow the queues: they change by the second. */
export const LIVE_REFRESH_MS = 3000;
export const JOBS_PER_PAGE = 25;

export const queueKeys = {
  all: ['queues'] as const,
  list: ['queues', 'list'] as const,
  jobs: (name: QueueName, state: QueueJobState, offset: number) =>
    ['queues', 'jobs', name, state, offset] as const,
};

export function useQueues() {
  return useQuery({
    queryKey: queueKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/queues', { signal })),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useQueueJobs(name: QueueName, state: QueueJobState, offset: number) {
  return useQuery({
    queryKey: queueKeys.jobs(name, state, offset),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/queues/{name}/jobs', {
          params: { path: { name }, query: { state, offset, limit: JOBS_PER_PAGE } },
          signal,
        }),
      ),
    refetchInterval: LIVE_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** Retry or removal of one failed job; the queues are read again after either. */
export function useJobAction(action: 'retry' | 'remove') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ queue, id }: { queue: QueueName; id: string }) =>
      action === 'retry'
        ? unwrap(
            api.POST('/api/v1/queues/{name}/jobs/{id}/retry', {
              params: { path: { name: queue, id } },
            }),
          )
        : unwrap(
            api.DELETE('/api/v1/queues/{name}/jobs/{id}', {
              params: { path: { name: queue, id } },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
}
