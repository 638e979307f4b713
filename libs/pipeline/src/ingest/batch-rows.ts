import type { Sql } from '@svara/database';

// Helpers of the bulk statements ingest writes a batch with.

/**
 * Rows sorted by their unique key. Two transactions inserting the same new
 * keys wait for each other key by key; in one order for all, neither can hold
 * a key the other has already passed, so concurrent batches never deadlock.
 */
export function inLockOrder<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The first item of each key, in order. */
export function uniqueBy<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** A statement's rows. */
export async function rowsOf<T>(sql: Sql, text: string, values: unknown[]): Promise<T[]> {
  return (await sql.query(text, values)).rows as T[];
}
