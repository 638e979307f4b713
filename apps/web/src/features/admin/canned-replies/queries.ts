import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';

export type CannedReplyInput = components['schemas']['CreateCannedReplyDto'];
/** The same key the composer's picker reads, so agents see changes at once. */
export const cannedKeys = { all: ['canned-replies'] as const };

export function useCannedReplies() {
  return useQuery({
    queryKey: cannedKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/canned-replies', { signal })),
  });
}

function useCannedMutation<T>(call: (vars: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedKeys.all }),
  });
}

export const useSaveCannedReply = () =>
  useCannedMutation(({ id, body }: { id?: string; body: CannedReplyInput }) =>
    id
      ? unwrap(api.PATCH('/api/v1/canned-replies/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/v1/canned-replies', { body })),
  );

export const useDeleteCannedReply = () =>
  useCannedMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/canned-replies/{id}', { params: { path: { id } } })),
  );
