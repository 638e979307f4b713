import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ContactSearch } from './types';

export const contactKeys = {
  all: ['contacts'] as const,
  search: (search: ContactSearch) => ['contacts', search] as const,
};

export function useContactSearch(search: ContactSearch | null) {
  return useQuery({
    queryKey: contactKeys.search(search ?? {}),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/contacts', { params: { query: { ...search, limit: 50 } }, signal })),
    enabled: search !== null,
  });
}

/** Step one: what an erasure would remove and keep, and the token to confirm it. */
export function useRequestErasure() {
  return useMutation({
    mutationFn: (contactId: string) =>
      unwrap(api.POST('/api/v1/contacts/{id}/erasure', { params: { path: { id: contactId } } })),
  });
}

/** Step two: erases, with the token step one gave. */
export function useConfirmErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, token }: { contactId: string; token: string }) =>
      unwrap(
        api.POST('/api/v1/contacts/{id}/erasure/confirm', {
          params: { path: { id: contactId } },
          body: { confirmationToken: token },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactKeys.all }),
  });
}
