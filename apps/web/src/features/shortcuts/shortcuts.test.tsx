import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isTypingTarget, useShortcuts, type Bindings } from './shortcuts';

function Page({ bindings }: { bindings: Bindings }) {
  useShortcuts(bindings);
  return (
    <div>
      <button type="button">A button</button>
      <input aria-label="Search" />
      <textarea aria-label="Reply" />
      <input type="checkbox" aria-label="Select" />
      <div
        role="combobox"
        aria-label="Canned"
        aria-expanded="false"
        aria-controls="x"
        tabIndex={0}
      />
    </div>
  );
}

describe('shortcuts', () => {
  it('runs the bound action for a key pressed outside fields', async () => {
    const user = userEvent.setup();
    const next = vi.fn();
    const help = vi.fn();
    render(<Page bindings={{ j: next, '?': help }} />);
    await user.keyboard('j');
    await user.click(screen.getByRole('button', { name: 'A button' }));
    await user.keyboard('j?');
    expect(next).toHaveBeenCalledTimes(2);
    expect(help).toHaveBeenCalledTimes(1);
  });

  it('leaves keys alone while typing in a field', async () => {
    const user = userEvent.setup();
    const reply = vi.fn();
    const close = vi.fn();
    render(<Page bindings={{ r: reply, e: close }} />);
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'reset');
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'here');
    expect(reply).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('reset');
  });

  it('works on a focused checkbox but not with Ctrl or Meta held', async () => {
    const user = userEvent.setup();
    const select = vi.fn();
    render(<Page bindings={{ x: select }} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select' }));
    await user.keyboard('x');
    await user.keyboard('{Control>}x{/Control}{Meta>}x{/Meta}');
    expect(select).toHaveBeenCalledTimes(1);
  });

  it('knows which elements take typing', () => {
    render(<Page bindings={{}} />);
    expect(isTypingTarget(screen.getByRole('textbox', { name: 'Search' }))).toBe(true);
    expect(isTypingTarget(screen.getByRole('combobox', { name: 'Canned' }))).toBe(true);
    expect(isTypingTarget(screen.getByRole('checkbox', { name: 'Select' }))).toBe(false);
    expect(isTypingTarget(screen.getByRole('button', { name: 'A button' }))).toBe(false);
  });
});
