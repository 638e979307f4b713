import type { Prisma } from '@svara/database';
import type { RecordFilter, RecordSelection } from '../package/record-document';

/** RecordExport.selection: what was asked for, and the threads it meant when asked. */
export interface StoredSelection {
  /** The inbox filter, when the threads were chosen by one. */
  filter?: RecordFilter;
  /** The threads, in package order. */
  threadIds: string[];
}

/** What the requester chose, as the package tells it. */
export function requestedSelection(stored: StoredSelection): RecordSelection {
  return stored.filter ? { filter: stored.filter } : { threadIds: stored.threadIds };
}

/** As the selection column stores it. */
export function selectionJson(selection: StoredSelection): Prisma.InputJsonObject {
  return {
    ...(selection.filter && { filter: { ...selection.filter } }),
    threadIds: selection.threadIds,
  };
}
