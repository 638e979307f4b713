import { Prisma } from './generated/prisma/client';

/** Prisma's error codes for the three write failures callers turn into answers. */
const UNIQUE_VIOLATION = 'P2002';
const MISSING_REFERENCE = 'P2003';
const RECORD_NOT_FOUND = 'P2025';

const hasCode = (error: unknown, code: string): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** A unique constraint refused the write (a name or address already taken). */
export const isUniqueViolation = (error: unknown) => hasCode(error, UNIQUE_VIOLATION);

/** A foreign key named a row that does not exist. */
export const isMissingReference = (error: unknown) => hasCode(error, MISSING_REFERENCE);

/** The row to update or delete does not exist. */
export const isRecordNotFound = (error: unknown) => hasCode(error, RECORD_NOT_FOUND);

/** The column or constraint a missing reference was found in, as Prisma reports it. */
export const missingReferenceField = (error: Prisma.PrismaClientKnownRequestError) =>
  String(error.meta?.field_name ?? error.meta?.constraint ?? '');
