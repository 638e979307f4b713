import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SlaBadge } from './SlaBadge';

const now = new Date('2026-12-04T12:00:00Z').getTime();

describe('SlaBadge', () => {
  it('says the state in words, not by colour alone', () => {
    const { rerender } = render(<SlaBadge state="OK" dueAt="2026-12-04T15:00:00Z" now={now} />);
    expect(screen.getByText('On time')).toBeInTheDocument();
    rerender(<SlaBadge state="WARNING" dueAt="2026-12-04T12:30:00Z" now={now} />);
    expect(screen.getByText('Due soon')).toBeInTheDocument();
    rerender(<SlaBadge state="BREACHED" dueAt="2026-12-04T10:00:00Z" now={now} />);
    expect(screen.getByText('Overdue')).toBeInTheDocument();
  });

  it('shows nothing for a thread without an SLA', () => {
    const { container } = render(<SlaBadge state="NONE" dueAt={null} now={now} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('gives the due time in a tooltip on keyboard focus', async () => {
    const user = userEvent.setup();
    render(<SlaBadge state="WARNING" dueAt="2026-12-04T14:00:00Z" now={now} />);
    await user.tab();
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(/^Due .*\(in 2 hours\)$/);
    expect(screen.getByText('Due soon').closest('[tabindex]')).toHaveAttribute(
      'aria-describedby',
      tooltip.id,
    );
  });

  it('says when an overdue thread was due', async () => {
    const user = userEvent.setup();
    render(<SlaBadge state="BREACHED" dueAt="2026-12-04T11:00:00Z" now={now} />);
    await user.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/^Was due .*\(1 hour ago\)$/);
  });
});
