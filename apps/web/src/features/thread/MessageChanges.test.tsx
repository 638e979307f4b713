import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { inboundMessage } from '../../test/messages';
import { renderWithClient } from '../../test/render';
import { formatDateTime } from '../../ui/format';
import { MessageItem } from './MessageItem';

const message = (overrides: Partial<Message>): Message =>
  inboundMessage({
    externalId: 'c1',
    author: { name: 'Sara', address: null, userId: null },
    text: 'Gatlampan på Storgatan är trasig sedan i måndags',
    publicComment: true,
    sentAt: '2026-12-01T10:00:00Z',
    receivedAt: '2026-12-01T10:00:01Z',
    ...overrides,
  });

const at = (iso: string) => formatDateTime(iso, 'en');

const render = (overrides: Partial<Message>) =>
  renderWithClient(
    <MessageItem threadId="t1" channelType="FACEBOOK_PAGE" message={message(overrides)} />,
  );

describe('MessageChanges', () => {
  it('says nothing for a comment never edited or removed', () => {
    render({});
    expect(screen.queryByText(/^Edited/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Removed on the source/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /earlier version/ })).not.toBeInTheDocument();
  });

  it('marks an edited comment and opens its earlier versions, oldest first, by keyboard', async () => {
    const user = userEvent.setup();
    render({
      editedAt: '2026-12-02T09:30:00Z',
      earlierVersions: [
        {
          text: 'Gatlampan är trasig',
          since: '2026-12-01T10:00:00Z',
          replacedAt: '2026-12-01T12:15:00Z',
        },
        {
          text: 'Gatlampan på Storgatan är trasig',
          since: '2026-12-01T12:15:00Z',
          replacedAt: '2026-12-02T09:30:00Z',
        },
      ],
    });
    const marker = screen.getByText(`Edited ${at('2026-12-02T09:30:00Z')}`);
    expect(marker).toHaveAttribute('datetime', '2026-12-02T09:30:00Z');
    expect(screen.queryByText('Gatlampan är trasig')).not.toBeVisible();

    const trigger = screen.getByRole('button', { name: 'Show 2 earlier versions' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');

    const list = screen.getByRole('list', { name: 'Earlier versions, oldest first' });
    const versions = within(list).getAllByRole('listitem');
    expect(versions.map((version) => version.textContent)).toEqual([
      `From ${at('2026-12-01T10:00:00Z')} until ${at('2026-12-01T12:15:00Z')}Gatlampan är trasig`,
      `From ${at('2026-12-01T12:15:00Z')} until ${at('2026-12-02T09:30:00Z')}Gatlampan på Storgatan är trasig`,
    ]);
    expect(screen.getByText('Gatlampan på Storgatan är trasig sedan i måndags')).toBeVisible();

    await user.keyboard('{Enter}');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('says in words that a removed comment was removed at the source, keeping its text', () => {
    render({ removedAt: '2026-12-03T08:00:00Z' });
    expect(
      screen.getByText(`Removed on the source ${at('2026-12-03T08:00:00Z')}.`),
    ).toHaveAttribute('datetime', '2026-12-03T08:00:00Z');
    expect(screen.getByText('Its text stays here for the record.')).toBeInTheDocument();
    expect(screen.queryByText(/by the author/)).not.toBeInTheDocument();
    expect(screen.getByText('Gatlampan på Storgatan är trasig sedan i måndags')).toBeVisible();
    expect(screen.getByRole('article', { name: 'From Sara' })).toHaveClass('message-removed');
  });

  it('shows the edit marker without a disclosure when no earlier text was kept', () => {
    render({ editedAt: '2026-12-02T09:30:00Z', earlierVersions: [] });
    expect(screen.getByText(`Edited ${at('2026-12-02T09:30:00Z')}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /earlier version/ })).not.toBeInTheDocument();
  });
});
