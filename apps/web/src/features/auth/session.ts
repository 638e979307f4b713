import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap } from '../../api/client';
import { forgetEarlyResponses } from '../../boot/early-requests';
import type { Locale, Me, Session } from '../../api/types';
import { i18next, languageFor } from '../../i18n/i18n';

export const sessionKey = ['session'] as const;

/** The signed-in person, or null: the app's boot call (a 401 here is an answer). */
export async function fetchSession(): Promise<Session | null> {
  const { data, response } = await api.GET('/api/v1/auth/session');
  if (response.status === 401) {
    setCsrfToken(null);
    return null;
  }
  if (!response.ok || !data) throw new ApiError(response.status, response.statusText);
  adoptSession(data);
  return data;
}

function adoptSession(session: Session): void {
  setCsrfToken(session.csrfToken);
  const language = languageFor(session.user.locale);
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
}

/** The signed-in person; only inside the signed-in part of the app. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe outside a session');
  return data.user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/session', { body })),
    onSuccess: (session) => {
      forgetEarlyResponses();
      adoptSession(session);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/auth/session')),
    onSettled: () => {
      forgetEarlyResponses();
      setCsrfToken(null);
      queryClient.clear();
      location.assign('/login');
    },
  });
}

/** The person's language setting, saved on their account (null: follow the browser). */
export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale | null) =>
      unwrap(api.PATCH('/api/v1/auth/me', { body: { locale } })),
    onSuccess: (user) => {
      queryClient.setQueryData<Session | null>(sessionKey, (session) =>
        session ? { ...session, user } : session,
      );
      void i18next.changeLanguage(languageFor(user.locale));
    },
  });
}
