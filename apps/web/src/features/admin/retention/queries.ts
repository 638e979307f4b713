import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PolicyInput, RetentionRule, RetentionRun } from './types';

const RUN_POLL_MS = 1000;

export const retentionKeys = {
  policies: ['retention', 'policies'] as const,
  runs: (policyId: string) => ['retention', 'runs', policyId] as const,
};

export function usePolicies() {
  return useQuery({
    queryKey: retentionKeys.policies,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/retention-policies', { signal })),
  });
}

/** What a rule would take now; nothing changes. */
export function useDryRun() {
  return useMutation({
    mutationFn: (rule: RetentionRule) =>
      unwrap(api.POST('/api/v1/retention-policies/dry-run', { body: rule })),
  });
}

export function useSavePolicy(policyId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyInput) =>
      policyId
        ? unwrap(
            api.PATCH('/api/v1/retention-policies/{id}', {
              params: { path: { id: policyId } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/retention-policies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.policies }),
  });
}

const running = (runs: RetentionRun[] | undefined) =>
  runs?.some((run) => run.status === 'RUNNING') ?? false;

/** The policy's latest runs; polled while one of them is running. */
export function usePolicyRuns(policyId: string) {
  return useQuery({
    queryKey: retentionKeys.runs(policyId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/retention-policies/{id}/runs', {
          params: { path: { id: policyId } },
          signal,
        }),
      ),
    refetchInterval: (query) => (running(query.state.data) ? RUN_POLL_MS : false),
  });
}

export function useStartRun(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/retention-policies/{id}/runs', { params: { path: { id: policyId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.runs(policyId) }),
  });
}
