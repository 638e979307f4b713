import { readdir } from 'node:fs/promises';
import type { Pool } from 'pg';
import { MIGRATIONS_DIR } from './migration-files';

let shipped: Promise<string[]> | undefined;

/** The migrations this build ships (prisma/migrations), read once per process. */
function shippedMigrations(): Promise<string[]> {
  shipped ??= readdir(MIGRATIONS_DIR, { withFileTypes: true }).then((entries) =>
    entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  return shipped;
}

/** Shipped migrations the database has not finished applying: a process must not serve on them. */
export async function unappliedMigrations(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.name));
  return (await shippedMigrations()).filter((name) => !applied.has(name));
}
