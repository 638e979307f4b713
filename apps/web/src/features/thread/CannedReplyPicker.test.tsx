import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CannedReply } from '../../api/types';
import { renderWithClient, testQueryClient } from '../../test/render';
import { CannedReplyPicker, filterCanned } from './CannedReplyPicker';
import { cannedRepliesKey } from './queries';

const reply = (id: string, name: string, text: string): CannedReply => ({
  id,
  name,
  text,
  teamId: null,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
});
const replies = [
  reply('1', 'Tack för ditt meddelande', 'Hej! Tack, vi återkommer.'),
  reply('2', 'Sophämtning missad', 'Vi har meddelat entreprenören.'),
  reply('3', 'Bygglov', 'Handläggningstiden för bygglov är tio veckor.'),
];

function renderPicker() {
  const client = testQueryClient();
  client.setQueryData(cannedRepliesKey, replies);
  const onPick = vi.fn();
  const onCancel = vi.fn();
  renderWithClient(<CannedReplyPicker onPick={onPick} onCancel={onCancel} />, client);
  return { onPick, onCancel };
}

describe('filterCanned', () => {
  it('matches name or text, ignoring case and accents', () => {
    expect(filterCanned(replies, 'SOPHAMT').map((r) => r.id)).toEqual(['2']);
    expect(filterCanned(replies, 'veckor').map((r) => r.id)).toEqual(['3']);
    expect(filterCanned(replies, '  ')).toHaveLength(3);
  });
});

describe('CannedReplyPicker', () => {
  it('lists the canned replies, filters as one types and inserts the chosen one', async () => {
    const user = userEvent.setup();
    const { onPick } = renderPicker();
    const input = screen.getByRole('combobox', { name: 'Canned reply' });
    expect(input).toHaveFocus();
    expect(await screen.findAllByRole('option')).toHaveLength(3);
    await user.keyboard('bygg');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Bygglov');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onPick).toHaveBeenCalledWith('Handläggningstiden för bygglov är tio veckor.');
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    renderPicker();
    await user.keyboard('zzz');
    expect(await screen.findByText('No canned reply matches.')).toBeInTheDocument();
  });

  it('goes back to the reply on Escape', async () => {
    const user = userEvent.setup();
    const { onCancel, onPick } = renderPicker();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
    expect(onPick).not.toHaveBeenCalled();
  });
});
