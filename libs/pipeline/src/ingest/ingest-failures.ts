/**
 * Whether an error belongs to the data being written rather than to the
 * moment: Postgres's data exceptions (class 22: a character it cannot store,
 * a value out of range), integrity violations other than a unique key (23;
 * a unique key clash is a race that the next attempt settles), and program
 * limits (54: an index row too large). Such an error comes back on every
 * attempt, so the item that causes it is parked instead of retried.
 * So are JavaScript's own RangeError and TypeError: code meeting odd data.
 * Everything else (a lost connection, a deadlock, a timeout) is retried.
 */
export function isItemFailure(error: unknown): boolean {
  if (error instanceof RangeError || error instanceof TypeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  if (code === '23505') return false;
  return code.startsWith('22') || code.startsWith('23') || code.startsWith('54');
}

export const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
