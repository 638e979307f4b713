import { Conflict } from '@svara/common';
import { Prisma } from './generated/prisma/client';

/** Runs a write and turns a duplicate name into a 409. */
export async function withUniqueName<T>(
  what: string,
  name: string | undefined,
  write: () => Promise<T>,
) {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new Conflict(`A ${what} named "${name}" already exists`);
    throw error;
  }
}
