import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AuthMethods } from './types';

/** Password only, when the server cannot be asked: the form then says what went wrong. */
const PASSWORD_ONLY: AuthMethods = { password: true, singleSignOn: null };

export const authMethodsKey = ['auth-methods'] as const;

/** How people sign in here; fixed while the server runs, so asked once. */
export function useAuthMethods() {
  const query = useQuery({
    queryKey: authMethodsKey,
    queryFn: () => unwrap(api.GET('/api/v1/auth/methods')),
    staleTime: Infinity,
    retry: 1,
  });
  return { methods: query.isError ? PASSWORD_ONLY : query.data, isPending: query.isPending };
}
