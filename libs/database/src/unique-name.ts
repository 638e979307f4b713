import { Conflict } from '@svara/common';
import { isUniqueViolation } from './prisma-errors';

/** Runs a write and turns a duplicate name into a 409. */
export async function withUniqueName<T>(
  what: string,
  name: string | undefined,
  write: () => Promise<T>,
) {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(`A ${what} named "${name}" already exists`);
    throw error;
  }
}
