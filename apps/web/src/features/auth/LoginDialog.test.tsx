import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken, unwrap } from '../../api/client';
import { json, renderWithClient, session } from '../../test/render';
import { LoginDialog } from './LoginDialog';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('LoginDialog', () => {
  it('opens over the page on a 401 and sends the failed action again after signing in', async () => {
    const user = userEvent.setup();
    const seen: { method: string; path: string; csrf: string | null; body: string }[] = [];
    let expired = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        seen.push({
          method: request.method,
          path,
          csrf: request.headers.get('X-CSRF-Token'),
          body: await request.clone().text(),
        });
        if (path === '/api/v1/auth/session' && request.method === 'POST') {
          const { password } = (await request.json()) as { password: string };
          if (password !== 'correct horse battery') {
            return json(
              { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
              401,
            );
          }
          expired = false;
          return json({ ...session, csrfToken: 'token-2' });
        }
        if (expired)
          return json({ statusCode: 401, error: 'Unauthorized', message: 'Session expired' }, 401);
        return json({ id: 't1', status: 'CLOSED' });
      }),
    );
    setCsrfToken('token-1');
    renderWithClient(<LoginDialog />);

    const action = unwrap(
      api.PATCH('/api/v1/threads/{id}', {
        params: { path: { id: 't1' } },
        body: { version: 3, status: 'CLOSED' },
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign in again to carry on' });
    expect(dialog).toBeInTheDocument();

    await user.type(screen.getByLabelText('E-mail address'), 'anna@kommun.se');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail address or password is wrong.',
    );

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await expect(action).resolves.toEqual({ id: 't1', status: 'CLOSED' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const patches = seen.filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[0].csrf).toBe('token-1');
    // The retry carries the new session's token and the same body.
    expect(patches[1].csrf).toBe('token-2');
    expect(JSON.parse(patches[1].body)).toEqual({ version: 3, status: 'CLOSED' });
  });

  it('asks once for several requests that fail together, and retries them all', async () => {
    const user = userEvent.setup();
    let expired = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (new URL(request.url).pathname === '/api/v1/auth/session') {
          expired = false;
          return json(session);
        }
        return expired
          ? json({ message: 'expired' }, 401)
          : json({ mine: 1, unassigned: 2, myTeams: 3, breached: 0 });
      }),
    );
    renderWithClient(<LoginDialog />);
    const first = unwrap(api.GET('/api/v1/threads/counts'));
    const second = unwrap(api.GET('/api/v1/threads/counts'));
    await screen.findByRole('alertdialog');
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await user.type(screen.getByLabelText('E-mail address'), 'anna@kommun.se');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.keyboard('{Enter}');
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
  });
});
