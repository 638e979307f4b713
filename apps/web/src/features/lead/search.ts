import type { SeriesBucket } from './types';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const id = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value : undefined);
const date = (value: unknown) =>
  typeof value === 'string' && DATE.test(value) ? value : undefined;

export type DashboardSearch = { team?: string };

export function validateDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const team = id(raw.team);
  return team ? { team } : {};
}

export const GROUPINGS = ['channelType', 'team'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The report's range (`to` is the last day shown, inclusive), bucket, team and grouping. */
export type ReportSearch = {
  from?: string;
  to?: string;
  bucket?: SeriesBucket;
  team?: string;
  by?: Grouping;
};

export function validateReportSearch(raw: Record<string, unknown>): ReportSearch {
  const search: ReportSearch = {
    from: date(raw.from),
    to: date(raw.to),
    bucket: raw.bucket === 'week' || raw.bucket === 'day' ? raw.bucket : undefined,
    team: id(raw.team),
    by: raw.by === 'team' || raw.by === 'channelType' ? raw.by : undefined,
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as ReportSearch;
}
