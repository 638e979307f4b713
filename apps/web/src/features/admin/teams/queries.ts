import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const teamKeys = { all: ['teams'] as const };

export function useTeams() {
  return useQuery({
    queryKey: teamKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/teams', { signal })),
  });
}

/** Mutations on teams; each refreshes the list (and the directory others read names from). */
function useTeamMutation<T>(call: (vars: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teamKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]),
  });
}

export const useCreateTeam = () =>
  useTeamMutation((name: string) => unwrap(api.POST('/api/v1/teams', { body: { name } })));

export const useSetTeamPolicy = () =>
  useTeamMutation(({ id, slaPolicyId }: { id: string; slaPolicyId: string | null }) =>
    unwrap(
      api.PUT('/api/v1/teams/{id}/sla-policy', {
        params: { path: { id } },
        body: { slaPolicyId: slaPolicyId as string },
      }),
    ),
  );

export const useSetMember = () =>
  useTeamMutation(({ id, userId, isLead }: { id: string; userId: string; isLead: boolean }) =>
    unwrap(
      api.PUT('/api/v1/teams/{id}/members/{userId}', {
        params: { path: { id, userId } },
        body: { isLead },
      }),
    ),
  );

export const useRemoveMember = () =>
  useTeamMutation(({ id, userId }: { id: string; userId: string }) =>
    unwrap(api.DELETE('/api/v1/teams/{id}/members/{userId}', { params: { path: { id, userId } } })),
  );
