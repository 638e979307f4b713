import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import type { BulkUpdate, ThreadDetail, ThreadSummary, ThreadUpdate } from '../../api/types';
import type { ThreadListQuery } from './search';

/** Everything under ['threads'] is the inbox: lists and counts, refetched together. */
export const inboxKeys = {
  all: ['threads'] as const,
  list: (query: ThreadListQuery) => ['threads', 'list', query] as const,
  counts: ['threads', 'counts'] as const,
};
export const threadKey = (id: string) => ['thread', id] as const;
export const directoryKey = ['directory'] as const;

export function useThreadList(query: ThreadListQuery) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/threads', {
          params: { query: pageParam ? { ...query, cursor: pageParam } : query },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCounts() {
  return useQuery({
    queryKey: inboxKeys.counts,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/threads/counts', { signal })),
  });
}

/** Names of people and teams, for assignee columns and pickers. */
export function useDirectory() {
  const query = useQuery({
    queryKey: directoryKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/directory', { signal })),
    staleTime: 5 * 60_000,
  });
  const names = useMemo(() => {
    const users = new Map(query.data?.users.map((user) => [user.id, user]) ?? []);
    const teams = new Map(query.data?.teams.map((team) => [team.id, team]) ?? []);
    return { users, teams };
  }, [query.data]);
  return { ...query, ...names };
}

/** Writes a changed thread into every list page and the thread itself. */
function patchCaches(queryClient: ReturnType<typeof useQueryClient>, thread: ThreadSummary) {
  queryClient.setQueryData<ThreadDetail>(threadKey(thread.id), (detail) =>
    detail ? { ...detail, ...thread, subject: detail.subject } : detail,
  );
}

export function useUpdateThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ThreadUpdate) =>
      unwrap(api.PATCH('/api/v1/threads/{id}', { params: { path: { id: threadId } }, body })),
    onSuccess: (thread) => patchCaches(queryClient, thread),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void queryClient.invalidateQueries({ queryKey: threadKey(threadId) });
    },
  });
}

export function useBulkUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUpdate) => unwrap(api.POST('/api/v1/threads/bulk', { body })),
    onSettled: (_result, _error, body) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      for (const id of body.threadIds)
        void queryClient.invalidateQueries({ queryKey: threadKey(id) });
    },
  });
}
