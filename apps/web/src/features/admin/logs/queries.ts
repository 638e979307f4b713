import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { endOfDay, startOfDay } from '../../../ui/dateInput';
import type { AccessSearch, AuditSearch, LogRange } from './search';

const PAGE = 50;

/** The URL's whole days as the API's instants: from the first day's start to the last day's end. */
const instants = ({ from, to, cursor }: LogRange) => ({
  limit: PAGE,
  ...(from && { from: startOfDay(from) }),
  ...(to && { to: endOfDay(to) }),
  ...(cursor && { cursor }),
});

export function useAuditLog(search: AuditSearch) {
  const { actorId, entityType, action } = search;
  return useQuery({
    queryKey: ['audit-log', search],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/audit-log', {
          params: { query: { ...instants(search), actorId, entityType, action } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAccessLog(search: AccessSearch) {
  const { userId, threadId } = search;
  return useQuery({
    queryKey: ['access-log', search],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/access-log', {
          params: { query: { ...instants(search), userId, threadId } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
