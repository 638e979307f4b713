import { useEffect, useRef } from 'react';

export type ShortcutKey = 'j' | 'k' | 'o' | 'r' | 'n' | 'e' | 'a' | 'x' | '/' | '?';
export type Bindings = Partial<Record<ShortcutKey, (event: KeyboardEvent) => void>>;

const TYPING_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton', 'slider']);

/** Whether a key press belongs to a field the person is typing in. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return TYPING_ROLES.has(target.getAttribute('role') ?? '');
}

/** Whether a modal dialog is open: its own keys come first, the page's wait. */
const modalOpen = () =>
  document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null ||
  document.querySelector('.modal-overlay') !== null;

/**
 * The single-key shortcuts of the inbox. Ignored while typing in a field, with
 * Ctrl/Alt/Meta held, and while a dialog is open. Enter is the list's own
 * key (it opens the focused row).
 */
export function handleShortcut(event: KeyboardEvent, bindings: Bindings): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target) || modalOpen()) return false;
  const key = event.key as ShortcutKey;
  const action = bindings[key];
  if (!action) return false;
  event.preventDefault();
  // Handled: the widget that has focus does not also act on the key.
  event.stopPropagation();
  action(event);
  return true;
}

export function useShortcuts(bindings: Bindings): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => handleShortcut(event, latest.current);
    // Capture: the shortcut runs before the focused widget sees the key.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
