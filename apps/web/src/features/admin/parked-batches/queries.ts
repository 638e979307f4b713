import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** Refreshed while open: a retried batch leaves the list once ingest is done with it. */
const LIVE_REFRESH_MS = 5000;
const PER_PAGE = 25;

export const parkedKeys = { all: ['parked-batches'] as const };

export function useParkedBatches() {
  return useInfiniteQuery({
    queryKey: parkedKeys.all,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/inbound-batches', {
          params: {
            query: {
              status: 'FAILED',
              limit: PER_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useRetryBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/inbound-batches/{id}/retry', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: parkedKeys.all }),
  });
}
