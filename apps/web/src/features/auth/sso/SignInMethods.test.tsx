import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithClient, testQueryClient } from '../../../test/render';
import { SignInMethods } from './SignInMethods';
import type { AuthMethods } from './types';
import { authMethodsKey } from './useAuthMethods';

function renderWith(methods: AuthMethods, props: Partial<Parameters<typeof SignInMethods>[0]>) {
  const client = testQueryClient();
  client.setQueryData(authMethodsKey, methods);
  return renderWithClient(<SignInMethods onSignedIn={vi.fn()} {...props} />, client);
}

const entra = { name: 'Entra ID', loginUrl: '/api/v1/auth/oidc/login' };

describe('SignInMethods', () => {
  it('offers the provider and the password form, with "or" between', () => {
    renderWith({ password: true, singleSignOn: entra }, { returnTo: '/threads/t1' });
    const link = screen.getByRole('link', { name: 'Sign in with Entra ID' });
    expect(link).toHaveAttribute('href', '/api/v1/auth/oidc/login?returnTo=%2Fthreads%2Ft1');
    expect(screen.getByText('or')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });

  it('shows only the provider when password sign-in is switched off', () => {
    renderWith({ password: false, singleSignOn: entra }, { returnTo: '/' });
    expect(screen.getByRole('link', { name: 'Sign in with Entra ID' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/login',
    );
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(screen.queryByText('or')).not.toBeInTheDocument();
  });

  it('says in words why the provider sign-in was refused', () => {
    renderWith({ password: false, singleSignOn: entra }, { failure: 'no_access' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your account has no access to Svara. Ask your manager or the IT department',
    );
  });

  it('keeps the password form alone without single sign-on', () => {
    renderWith({ password: true, singleSignOn: null }, {});
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByLabelText('E-mail address')).toBeInTheDocument();
  });
});

describe('ssoFailureOf', () => {
  it('reads known reasons and calls anything else a failed sign-in', async () => {
    const { ssoFailureOf } = await import('./types');
    expect(ssoFailureOf('inactive')).toBe('inactive');
    expect(ssoFailureOf('<script>')).toBe('failed');
    expect(ssoFailureOf(undefined)).toBeUndefined();
  });
});
