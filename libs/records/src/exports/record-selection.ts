import type { JSONSchemaType } from 'ajv';
import { jsonDecoder } from '@svara/common';
import { ChannelType, type Prisma, ThreadStatus } from '@svara/database';
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

const text = { type: 'string', nullable: true } as const;

const storedSelection: JSONSchemaType<StoredSelection> = {
  type: 'object',
  properties: {
    filter: {
      type: 'object',
      nullable: true,
      properties: {
        status: { type: 'string', enum: Object.values(ThreadStatus), nullable: true },
        channelId: text,
        channelType: { type: 'string', enum: Object.values(ChannelType), nullable: true },
        teamId: text,
        assigneeId: text,
        sla: { type: 'string', enum: ['ok', 'warning', 'breached'], nullable: true },
        tag: text,
        q: text,
        closedFrom: text,
        closedTo: text,
      },
    },
    threadIds: { type: 'array', items: { type: 'string' } },
  },
  required: ['threadIds'],
};

/** RecordExport.selection as read back: checked, so a row written wrong fails where it is read. */
export const decodeStoredSelection = jsonDecoder("a record export's selection", storedSelection);
