import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { NewUser, UserChange } from './types';

export const userKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users', { signal })),
  });
}

function useUserMutation<T, R>(call: (vars: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['teams'] }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]),
  });
}

export const useCreateUser = () =>
  useUserMutation((body: NewUser) => unwrap(api.POST('/api/v1/users', { body })));

export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: UserChange }) =>
    unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
  );
