import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithClient } from '../../../test/render';
import { ChannelForm } from './ChannelForm';
import type { Channel } from './types';

afterEach(() => vi.unstubAllGlobals());

const channelOf = (fields: Partial<Channel> & Pick<Channel, 'id' | 'type' | 'name'>): Channel => ({
  teamId: null,
  slaPolicyId: null,
  config: {},
  hasSecrets: false,
  secretsSet: [],
  pollIntervalSeconds: 60,
  enabled: true,
  backfillSince: '2026-12-01T00:00:00.000Z',
  health: 'OK',
  lastPollAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastProblem: null,
  backoffUntil: null,
  tokenExpiresAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  ...fields,
});

const mailbox = channelOf({
  id: '7d3c3c57-4a8e-4d43-9a49-0e5b3f5d9a01',
  type: 'EMAIL',
  name: 'Kommunens brevlåda',
});
const form = channelOf({
  id: '0b8f1f7e-6a52-4c1e-b3a4-0f4a8f1e2d10',
  type: 'WEB_FORM',
  name: 'Kontakta oss',
  config: { replyChannelId: mailbox.id },
});

function serve() {
  const patches: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/api/v1/channels') return json([mailbox, form]);
      if (request.method === 'GET' && path === '/api/v1/directory')
        return json({ users: [], teams: [] });
      if (request.method === 'GET' && path === '/api/v1/sla-policies') return json([]);
      if (request.method === 'PATCH' && path === `/api/v1/channels/${form.id}`) {
        const body = JSON.parse(await request.text()) as { config: Record<string, unknown> };
        patches.push(body);
        return json({ ...form, config: body.config });
      }
      return json({ message: 'not here' }, 404);
    }),
  );
  return patches;
}

describe("ChannelForm: a web form's reply mailbox", () => {
  it('shows the mailbox replies go out from, and saves the choice of none', async () => {
    const user = userEvent.setup();
    const patches = serve();
    const onSaved = vi.fn();
    renderWithClient(<ChannelForm channel={form} onSaved={onSaved} />);

    const picker = await screen.findByRole('button', { name: /Send replies from the mailbox/ });
    await waitFor(() => expect(picker).toHaveTextContent('Kommunens brevlåda'));
    expect(picker).toHaveAccessibleDescription(/the resident's answer comes back/);

    await user.click(picker);
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      "None: Svara's own address",
      'Kommunens brevlåda',
    ]);
    await user.click(options[0]!);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(patches).toEqual([expect.objectContaining({ config: {} })]);
  });
});
