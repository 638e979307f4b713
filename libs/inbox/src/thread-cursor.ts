import { InvalidInput } from '@svara/common';

/** A position in the inbox order: soonest due first (none last), then newest activity, then id. */
export interface ThreadPosition {
  dueAt: Date | null;
  lastMessageAt: Date;
  id: string;
}

export function encodeCursor(position: ThreadPosition): string {
  return Buffer.from(
    JSON.stringify([
      position.dueAt?.toISOString() ?? null,
      position.lastMessageAt.toISOString(),
      position.id,
    ]),
  ).toString('base64url');
}

export function decodeCursor(cursor: string): ThreadPosition {
  try {
    const [dueAt, lastMessageAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      string | null,
      string,
      string,
    ];
    const position = {
      dueAt: dueAt === null ? null : new Date(dueAt),
      lastMessageAt: new Date(lastMessageAt),
      id,
    };
    if (
      typeof id !== 'string' ||
      Number.isNaN(position.lastMessageAt.getTime()) ||
      (position.dueAt && Number.isNaN(position.dueAt.getTime()))
    ) {
      throw new Error('malformed');
    }
    return position;
  } catch {
    throw new InvalidInput('cursor is not one this API returned');
  }
}
