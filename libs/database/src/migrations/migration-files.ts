import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The project's prisma/ folder, found from here whether running from source or from dist/. */
function findPrismaDir(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma');
    if (existsSync(path.join(candidate, 'schema.prisma'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No prisma/schema.prisma above ${start}`);
  }
}

const PRISMA_DIR = findPrismaDir(__dirname);
/** Prisma's standard layout: prisma/migrations/<timestamp>_<name>/migration.sql. */
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_FILE = path.join(PRISMA_DIR, 'schema.prisma');

export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: {
      path: string;
      content: { tag: 'ok'; value: string } | { tag: 'error'; value: string };
    };
  }[];
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readOrNull(path.join(dir, name, 'migration.sql'));
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content:
            content === null
              ? { tag: 'error' as const, value: `${name}/migration.sql is missing` }
              : { tag: 'ok' as const, value: content },
        },
      };
    }),
  );
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: await readOrNull(path.join(dir, 'migration_lock.toml')),
    },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
