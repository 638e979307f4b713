import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { isUnfinished, type RecordExportRequest } from './types';

const POLL_MS = 1000;
const PAGE = 50;

export const recordExportKeys = {
  list: ['record-exports'] as const,
  closedThreads: (q: string) => ['record-exports', 'closed-threads', q] as const,
};

/** The latest exports; polled while one is queued or being built. */
export function useRecordExports() {
  return useQuery({
    queryKey: recordExportKeys.list,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/record-exports', { params: { query: { limit: PAGE } }, signal })),
    refetchInterval: (query) => (query.state.data?.data.some(isUnfinished) ? POLL_MS : false),
  });
}

export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordExportRequest) => unwrap(api.POST('/api/v1/record-exports', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordExportKeys.list }),
  });
}

/** Closed threads to choose from, by search text. */
export function useClosedThreads(q: string) {
  return useQuery({
    queryKey: recordExportKeys.closedThreads(q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/threads', {
          params: { query: { status: 'CLOSED', limit: PAGE, ...(q && { q }) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
