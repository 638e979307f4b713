import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithClient, session, testQueryClient } from '../../test/render';
import { activeViewers, PresenceLine } from './PresenceLine';
import { presenceKey } from './queries';

const now = Date.parse('2026-12-04T12:00:00Z');
const viewer = (userId: string, name: string, typing: boolean, until: number) => ({
  userId,
  name,
  typing,
  until: new Date(until).toISOString(),
});

describe('presence', () => {
  it('leaves out lapsed entries and the signed-in person', () => {
    const viewers = [
      viewer('u2', 'Bo', false, now + 10_000),
      viewer('u3', 'Cia', true, now - 1),
      viewer(session.user.id, 'Me', true, now + 10_000),
    ];
    expect(activeViewers(viewers, session.user.id, now).map((v) => v.name)).toEqual(['Bo']);
  });

  it('says who is viewing and who is typing, politely announced, and follows presence events', async () => {
    const client = testQueryClient();
    const later = Date.now() + 30_000;
    client.setQueryData(presenceKey('t1'), [viewer('u2', 'Bo', false, later)]);
    renderWithClient(<PresenceLine threadId="t1" />, client);
    const line = screen.getByText('Bo is viewing').parentElement;
    expect(line).toHaveAttribute('aria-live', 'polite');
    act(() => client.setQueryData(presenceKey('t1'), [viewer('u2', 'Bo', true, later)]));
    expect(await screen.findByText('Bo is typing a reply…')).toBeInTheDocument();
  });
});
