import type { ChannelType, Me, ThreadStatus } from '../../api/types';

export const VIEWS = ['all', 'mine', 'unassigned', 'myTeams', 'breached'] as const;
export type View = (typeof VIEWS)[number];
export const STATUSES = ['OPEN', 'PENDING', 'CLOSED'] as const satisfies readonly ThreadStatus[];
export const CHANNEL_TYPES = [
  'EMAIL',
  'WEB_FORM',
  'FACEBOOK_PAGE',
  'INSTAGRAM',
] as const satisfies readonly ChannelType[];
export const SLA_FILTERS = ['ok', 'warning', 'breached'] as const;

/** The inbox's view, filters and search, all in the URL so a link shows the same list. */
export type InboxSearch = {
  view?: View;
  /** Absent means open threads; `any` means every status. */
  status?: ThreadStatus | 'any';
  channelType?: ChannelType;
  teamId?: string;
  assigneeId?: string;
  sla?: (typeof SLA_FILTERS)[number];
  tag?: string;
  q?: string;
};

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

/** Reads the URL's search params; anything unknown or malformed is dropped. */
export function validateInboxSearch(raw: Record<string, unknown>): InboxSearch {
  const search: InboxSearch = {
    view: oneOf(VIEWS, raw.view),
    status: oneOf([...STATUSES, 'any'] as const, raw.status),
    channelType: oneOf(CHANNEL_TYPES, raw.channelType),
    teamId: text(raw.teamId, 64),
    assigneeId: text(raw.assigneeId, 64),
    sla: oneOf(SLA_FILTERS, raw.sla),
    tag: text(raw.tag, 100),
    q: text(raw.q),
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as InboxSearch;
}

export type ThreadListQuery = {
  status?: ThreadStatus;
  channelType?: ChannelType;
  teamId?: string;
  assigneeId?: string;
  sla?: 'ok' | 'warning' | 'breached';
  tag?: string;
  q?: string;
  limit: number;
};

export const PAGE_SIZE = 50;

/** What GET /threads is asked for a view and its filters. */
export function listQuery(search: InboxSearch, me: Pick<Me, 'id'>): ThreadListQuery {
  const query: ThreadListQuery = {
    status: search.status === 'any' ? undefined : (search.status ?? 'OPEN'),
    channelType: search.channelType,
    teamId: search.teamId,
    assigneeId: search.assigneeId,
    sla: search.sla,
    tag: search.tag,
    q: search.q,
    limit: PAGE_SIZE,
  };
  switch (search.view) {
    case 'mine':
      query.assigneeId = me.id;
      break;
    case 'unassigned':
      query.assigneeId = 'none';
      break;
    case 'myTeams':
      // A team chosen in the filters narrows the view to that one.
      query.teamId ??= 'mine';
      break;
    case 'breached':
      query.sla = 'breached';
      break;
  }
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as ThreadListQuery;
}

/** The keys between the anchor and the clicked key, both included, in list order. */
export function rangeBetween(ids: readonly string[], anchor: string, key: string): string[] {
  const from = ids.indexOf(anchor);
  const to = ids.indexOf(key);
  if (from < 0 || to < 0) return [key];
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}
