import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { inboxKeys } from '../inbox/queries';
import type { SeriesBucket } from './types';

/** The dashboard also refreshes on its own: SLA states move on with the clock. */
export const DASHBOARD_REFRESH_MS = 30_000;

/** Under the inbox's key, so live events about threads refresh the dashboard too. */
const dashboardKey = (teamId: string | undefined) =>
  [...inboxKeys.all, 'lead-dashboard', teamId ?? null] as const;

export function useLeadDashboard(teamId: string | undefined) {
  return useQuery({
    queryKey: dashboardKey(teamId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/lead-dashboard', {
          params: { query: teamId ? { teamId } : {} },
          signal,
        }),
      ),
    refetchInterval: DASHBOARD_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export interface SeriesQuery {
  from: string;
  /** Exclusive, as the API takes it. */
  to: string;
  bucket: SeriesBucket;
  teamId?: string;
}

export function useSlaSeries(query: SeriesQuery | null) {
  return useQuery({
    queryKey: ['sla-series', query] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/sla-report/series', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
