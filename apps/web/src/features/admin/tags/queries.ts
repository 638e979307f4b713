import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

export const tagKeys = { all: ['tags'] as const };

export function useTags() {
  return useQuery({
    queryKey: tagKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/tags', { signal })),
  });
}

/** A change to tags on many threads: the tag list and the inbox are fetched again. */
function useTagMutation<T>(call: (vars: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tagKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['threads'] }),
      ]),
  });
}

export const useRenameTag = () =>
  useTagMutation(({ tag, name }: { tag: string; name: string }) =>
    unwrap(api.PUT('/api/v1/tags/{tag}', { params: { path: { tag } }, body: { name } })),
  );

export const useRemoveTag = () =>
  useTagMutation((tag: string) =>
    unwrap(api.DELETE('/api/v1/tags/{tag}', { params: { path: { tag } } })),
  );
