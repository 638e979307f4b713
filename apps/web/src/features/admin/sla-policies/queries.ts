import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { SlaPolicyInput, Target } from './types';

export const policyKeys = { all: ['sla-policies'] as const };

export function usePolicies() {
  return useQuery({
    queryKey: policyKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/sla-policies', { signal })),
  });
}

/** Creates a policy, or changes the one with `id` (which starts a recomputation). */
export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SlaPolicyInput }) =>
      id
        ? unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/sla-policies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  });
}

/** When a message arriving at `arrivedAt` is due under `target` on the calendar. */
export function useDuePreview(calendarId: string, target: Target | undefined, arrivedAt: string) {
  return useQuery({
    queryKey: ['due-preview', calendarId, target, arrivedAt],
    enabled: Boolean(calendarId && target && arrivedAt),
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/sla-policies/due-preview', {
          body: { calendarId, target, arrivedAt },
          signal,
        }),
      ),
  });
}
