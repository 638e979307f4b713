import { isDate } from '../../../ui/dateInput';
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^\d{1,20}$/;

/** A log page's filters, all in the URL: dates as YYYY-MM-DD, both ends included. */
export interface LogRange {
  from?: string;
  to?: string;
  cursor?: string;
}
export interface AuditSearch extends LogRange {
  actorId?: string;
  entityType?: AuditEntityType;
  action?: string;
}
export interface AccessSearch extends LogRange {
  userId?: string;
  threadId?: string;
}

const text = (value: unknown, max = 100) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
const uuid = (value: unknown) =>
  typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
const date = (value: unknown) => (isDate(value) ? value : undefined);

function range(raw: Record<string, unknown>): LogRange {
  return {
    from: date(raw.from),
    to: date(raw.to),
    cursor: typeof raw.cursor === 'string' && CURSOR.test(raw.cursor) ? raw.cursor : undefined,
  };
}

const defined = <T extends object>(search: T): T =>
  Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;

/** Reads the audit log's URL; anything unknown or malformed is dropped. */
export function validateAuditSearch(raw: Record<string, unknown>): AuditSearch {
  return defined({
    ...range(raw),
    actorId: uuid(raw.actorId),
    entityType: (AUDIT_ENTITY_TYPES as readonly unknown[]).includes(raw.entityType)
      ? (raw.entityType as AuditEntityType)
      : undefined,
    action: text(raw.action),
  });
}

export function validateAccessSearch(raw: Record<string, unknown>): AccessSearch {
  return defined({ ...range(raw), userId: uuid(raw.userId), threadId: uuid(raw.threadId) });
}
