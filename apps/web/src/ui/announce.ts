/** Says something to screen readers through the page's polite live region. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick, so the same message is announced twice in a row.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}
