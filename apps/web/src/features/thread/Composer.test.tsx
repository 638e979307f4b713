import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithClient, session } from '../../test/render';
import { Composer } from './Composer';
import { localDrafts } from './drafts';

const me = session.user.id;
afterEach(() => vi.unstubAllGlobals());

function serve(drafts: { kind: string; text: string; updatedAt: string }[]) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
        requests.push({ method: request.method, path, body: await request.formData() });
      } else {
        const text = await request.text();
        requests.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined });
      }
      if (request.method === 'GET' && path.endsWith('/drafts')) return json({ data: drafts });
      if (request.method === 'PUT')
        return json({ kind: 'reply', text: '', updatedAt: new Date().toISOString() });
      if (request.method === 'POST' && path.endsWith('/replies')) {
        return json({
          id: 'm9',
          direction: 'OUTBOUND',
          externalId: 'x',
          author: { name: 'Anna Agent', address: null, userId: me },
          text: 'sent',
          quotedText: null,
          html: null,
          attachments: [],
          automatic: false,
          containsIdentityNumber: false,
          sentAt: new Date().toISOString(),
          receivedAt: new Date().toISOString(),
          deliveryStatus: 'QUEUED',
          deliveryError: null,
          hiddenAt: null,
        });
      }
      return json({ message: 'not here' }, 404);
    }),
  );
  return requests;
}

describe('Composer drafts', () => {
  it('opens with the newer of the local and the server draft', async () => {
    localDrafts.write(me, 't1', 'reply', {
      text: 'typed here last',
      updatedAt: '2026-12-04T10:00:09Z',
    });
    localDrafts.write(me, 't1', 'note', { text: 'old note', updatedAt: '2026-12-04T09:00:00Z' });
    serve([
      { kind: 'reply', text: 'older on the server', updatedAt: '2026-12-04T10:00:01Z' },
      { kind: 'note', text: 'note from the laptop', updatedAt: '2026-12-04T10:00:00Z' },
    ]);
    renderWithClient(<Composer threadId="t1" onTyping={() => undefined} />);
    expect(await screen.findByRole('textbox', { name: 'Reply to the citizen' })).toHaveValue(
      'typed here last',
    );
    expect(screen.getByRole('textbox', { name: 'Internal note', hidden: true })).toHaveValue(
      'note from the laptop',
    );
  });

  it('keeps each keystroke locally at once, saves to the server a second later, and clears both on sending', async () => {
    const user = userEvent.setup();
    const requests = serve([]);
    const onTyping = vi.fn();
    renderWithClient(<Composer threadId="t1" onTyping={onTyping} />);
    const box = await screen.findByRole('textbox', { name: 'Reply to the citizen' });
    await user.type(box, 'Hej Anna');
    expect(localDrafts.read(me, 't1', 'reply')?.text).toBe('Hej Anna');
    expect(onTyping).toHaveBeenCalled();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1), {
      timeout: 2500,
    });
    expect(requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/v1/threads/t1/drafts/reply',
      body: { text: 'Hej Anna' },
    });

    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(box).toHaveValue(''));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/v1/threads/t1/replies',
      body: { text: 'Hej Anna' },
    });
    expect(localDrafts.read(me, 't1', 'reply')).toBeNull();
  });

  it('sends the chosen files with the reply, minus the one removed, and clears them once sent', async () => {
    const user = userEvent.setup();
    const requests = serve([]);
    renderWithClient(<Composer threadId="t1" onTyping={() => undefined} />);
    const box = await screen.findByRole('textbox', { name: 'Reply to the citizen' });
    await user.type(box, 'Här är blanketten');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, [
      new File(['%PDF-1.4 blankett'], 'blankett.pdf', { type: 'application/pdf' }),
      new File(['fel fil'], 'fel.txt', { type: 'text/plain' }),
    ]);
    const list = screen.getByRole('list', { name: 'Files sent with the reply' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('blankett.pdf'), expect.stringContaining('fel.txt')]);
    await user.click(screen.getByRole('button', { name: 'Remove fel.txt' }));

    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(box).toHaveValue(''));
    const sent = requests.find((r) => r.method === 'POST')!;
    expect(sent.path).toBe('/api/v1/threads/t1/replies');
    const form = sent.body as FormData;
    expect(form.get('text')).toBe('Här är blanketten');
    // jsdom's files reach the test's fetch without their names and bytes; the browser test reads them.
    expect(form.getAll('files')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Files sent with the reply' })).toBeNull();
  });

  it('offers no files where the channel sends none', async () => {
    serve([]);
    renderWithClient(
      <Composer threadId="t1" onTyping={() => undefined} repliesCarryFiles={false} />,
    );
    await screen.findByRole('textbox', { name: 'Reply to the citizen' });
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
  });
});
