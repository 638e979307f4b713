import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { sessionKey } from '../features/auth/session';
import type { AuthMethods } from '../features/auth/sso/types';
import { authMethodsKey } from '../features/auth/sso/useAuthMethods';
import type { Session } from '../api/types';

export const session: Session = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'anna@kommun.se',
    name: 'Anna Agent',
    role: 'AGENT',
    teamIds: [],
    locale: 'en',
  },
  csrfToken: 'token-1',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
};

export function testQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  client.setQueryData(sessionKey, session);
  // An installation without single sign-on, unless a test says otherwise.
  client.setQueryData<AuthMethods>(authMethodsKey, { password: true, singleSignOn: null });
  return client;
}

export function renderWithClient(ui: ReactElement, client = testQueryClient()) {
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

export const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
