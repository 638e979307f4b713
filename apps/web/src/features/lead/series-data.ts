import type { ComplianceFigures, SeriesBucket } from './types';

export interface Group {
  key: string;
  label: string;
}

export type FigureRow = ComplianceFigures & { group: Group };

/** The distinct groups of some rows, in order of first appearance. */
export function groupsOf(rows: { group: Group }[]): Group[] {
  const seen = new Map<string, Group>();
  for (const row of rows) if (!seen.has(row.group.key)) seen.set(row.group.key, row.group);
  return [...seen.values()];
}

/** One chart point per bucket, with a value per group (absent where the group had none). */
export function pivot<Row extends { bucket: string; group: Group }>(
  buckets: string[],
  rows: Row[],
  value: (row: Row) => number | null,
  fill: number | null = null,
): Record<string, string | number | null>[] {
  const groups = groupsOf(rows);
  return buckets.map((bucket) => {
    const point: Record<string, string | number | null> = { bucket };
    for (const group of groups) point[group.key] = fill;
    for (const row of rows) if (row.bucket === bucket) point[row.group.key] = value(row);
    return point;
  });
}

/** ISO 8601 week number of a date "YYYY-MM-DD". */
export function isoWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round(
      ((thursday.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    )
  );
}

/** A bucket as the charts and tables name it: "2 nov." or "v. 45". */
export function bucketLabel(
  bucket: string,
  kind: SeriesBucket,
  language: string,
  weekLabel: (week: number) => string,
): string {
  if (kind === 'week') return weekLabel(isoWeek(bucket));
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${bucket}T00:00:00Z`));
}

/** The share answered in time of some rows together (of those measured). */
export function shareOf(rows: ComplianceFigures[]): {
  share: number | null;
  inTime: number;
  measured: number;
} {
  const inTime = rows.reduce((sum, row) => sum + row.answeredInTime, 0);
  const measured = rows.reduce((sum, row) => sum + row.measured, 0);
  return { share: measured > 0 ? inTime / measured : null, inTime, measured };
}
