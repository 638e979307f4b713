import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLanguage } from '../../ui/format';
import { BarPatterns, colourOf, dashOf, markerOf, patternId } from './chart-style';
import { ReportFigure, type TableColumn } from './ReportFigure';
import type { Grouping } from './search';
import { bucketLabel, type FigureRow, type Group, groupsOf, pivot, shareOf } from './series-data';
import type { SlaSeries } from './types';

const CHART_HEIGHT = 260;
const AXIS = { stroke: 'var(--border-strong)', tick: { fill: 'var(--text-muted)', fontSize: 12 } };
/** Keeps the first and last points' markers inside the chart. */
const X_PADDING = { left: 16, right: 16 };
const TOOLTIP = {
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border-strong)',
    color: 'var(--text)',
  },
  labelStyle: { color: 'var(--text)' },
};
const LEGEND = { wrapperStyle: { color: 'var(--text)', fontSize: 13 } };

/** The four charts of a series, each with its summary, table and CSV. */
export function ReportCharts({ series, by }: { series: SlaSeries; by: Grouping }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = (bucket: string) =>
    bucketLabel(bucket, series.bucket, language, (week) => t('lead.reports.week', { week }));
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const minutes = (value: number | null) =>
    value === null
      ? '–'
      : new Intl.NumberFormat(language, {
          style: 'unit',
          unit: 'minute',
          unitDisplay: 'short',
          maximumFractionDigits: 0,
        }).format(value);
  const rows = figureRowsOf(series, by, t);
  const groups = groupsOf(rows);
  const volumeRows = series.volumes.map((row) => ({
    ...row,
    group: { key: row.channelId, label: row.channelName },
  }));
  const channels = groupsOf(volumeRows);
  const file = (what: string) => `${what}-${series.from}-${series.to}.csv`;
  const period = t('lead.reports.columns.period');
  const groupHeader = t(
    by === 'team' ? 'lead.reports.columns.team' : 'lead.reports.columns.channelType',
  );
  const periodColumn = {
    header: period,
    value: (row: { bucket: string }) => row.bucket,
    display: (row: { bucket: string }) => label(row.bucket),
  };
  const groupColumn = { header: groupHeader, value: (row: FigureRow) => row.group.label };

  const shareColumns: TableColumn<FigureRow>[] = [
    periodColumn,
    groupColumn,
    { header: t('lead.reports.columns.threads'), value: (row) => row.threads, numeric: true },
    { header: t('lead.reports.columns.measured'), value: (row) => row.measured, numeric: true },
    { header: t('lead.reports.columns.inTime'), value: (row) => row.answeredInTime, numeric: true },
    {
      header: t('lead.reports.columns.share'),
      value: (row) => row.shareAnsweredInTime,
      display: (row) =>
        row.shareAnsweredInTime === null ? '–' : percent.format(row.shareAnsweredInTime),
      numeric: true,
    },
  ];
  const timeColumns: TableColumn<FigureRow>[] = [
    periodColumn,
    groupColumn,
    {
      header: t('lead.reports.columns.p50'),
      value: (row) => row.p50,
      display: (row) => minutes(row.p50),
      numeric: true,
    },
    {
      header: t('lead.reports.columns.p90'),
      value: (row) => row.p90,
      display: (row) => minutes(row.p90),
      numeric: true,
    },
  ];
  const volumeColumns: TableColumn<(typeof volumeRows)[number]>[] = [
    periodColumn,
    { header: t('lead.reports.columns.channel'), value: (row) => row.channelName },
    {
      header: t('lead.reports.columns.channelType'),
      value: (row) => row.channelType,
      display: (row) => t(`channel.${row.channelType}`),
    },
    { header: t('lead.reports.columns.threads'), value: (row) => row.threads, numeric: true },
  ];
  const escalationColumns: TableColumn<SlaSeries['escalations'][number]>[] = [
    periodColumn,
    { header: t('lead.reports.columns.sent'), value: (row) => row.sent, numeric: true },
  ];

  const listOf = (items: string[]) =>
    new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
  const none = t('lead.reports.noThreads');
  const shareSummary =
    groups.length === 0
      ? none
      : t('lead.reports.summary.share', {
          list: listOf(
            groups.map((group) => {
              const total = shareOf(rows.filter((row) => row.group.key === group.key));
              return t('lead.reports.summary.shareOf', {
                group: group.label,
                share: total.share === null ? '–' : percent.format(total.share),
                inTime: total.inTime,
                measured: total.measured,
              });
            }),
          ),
        });
  const timeSummary =
    groups.length === 0
      ? none
      : t('lead.reports.summary.times', {
          list: listOf(
            groups.map((group) => {
              const own = rows.filter((row) => row.group.key === group.key);
              const range = (values: (number | null)[]) => {
                const known = values.filter((value): value is number => value !== null);
                if (known.length === 0) return '–';
                const [low, high] = [Math.min(...known), Math.max(...known)];
                return low === high ? minutes(low) : `${minutes(low)}–${minutes(high)}`;
              };
              return t('lead.reports.summary.timesOf', {
                group: group.label,
                p50: range(own.map((row) => row.p50)),
                p90: range(own.map((row) => row.p90)),
              });
            }),
          ),
        });
  const totalThreads = volumeRows.reduce((sum, row) => sum + row.threads, 0);
  const volumeSummary =
    channels.length === 0
      ? none
      : t('lead.reports.summary.volumes', {
          count: totalThreads,
          list: listOf(
            channels.map(
              (channel) =>
                `${channel.label} ${volumeRows
                  .filter((row) => row.group.key === channel.key)
                  .reduce((sum, row) => sum + row.threads, 0)}`,
            ),
          ),
        });
  const sent = series.escalations.reduce((sum, row) => sum + row.sent, 0);

  return (
    <div className="report-figures">
      <ReportFigure
        title={t('lead.reports.charts.share')}
        summary={shareSummary}
        columns={shareColumns}
        rows={rows}
        filename={file(t('lead.reports.files.share'))}
        chart={
          <LineChartOf
            buckets={series.buckets}
            rows={rows}
            groups={groups}
            value={(row) => row.shareAnsweredInTime}
            label={label}
            yFormat={(value) => percent.format(value)}
            yDomain={[0, 1]}
          />
        }
      />
      <ReportFigure
        title={t('lead.reports.charts.times')}
        summary={timeSummary}
        columns={timeColumns}
        rows={rows}
        filename={file(t('lead.reports.files.times'))}
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <LineChart
              accessibilityLayer={false}
              data={series.buckets.map((bucket) => {
                const point: Record<string, string | number | null> = { bucket };
                for (const row of rows.filter((r) => r.bucket === bucket)) {
                  point[`${row.group.key}:p50`] = row.p50;
                  point[`${row.group.key}:p90`] = row.p90;
                }
                return point;
              })}
            >
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="bucket" tickFormatter={label} padding={X_PADDING} {...AXIS} />
              <YAxis tickFormatter={(value: number) => minutes(value)} width={72} {...AXIS} />
              <Tooltip
                {...TOOLTIP}
                labelFormatter={(bucket) => label(String(bucket))}
                formatter={(value) => minutes(Number(value))}
              />
              <Legend {...LEGEND} />
              {groups.flatMap((group, index) =>
                (['p50', 'p90'] as const).map((measure) => (
                  <Line
                    key={`${group.key}:${measure}`}
                    dataKey={`${group.key}:${measure}`}
                    name={`${group.label}, ${t(`lead.reports.legend.${measure}`)}`}
                    stroke={colourOf(index)}
                    strokeWidth={2}
                    strokeDasharray={measure === 'p90' ? '6 4' : ''}
                    dot={markerOf(index)}
                    legendType="plainline"
                    connectNulls
                    isAnimationActive={false}
                  />
                )),
              )}
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ReportFigure
        title={t('lead.reports.charts.volumes')}
        summary={volumeSummary}
        columns={volumeColumns}
        rows={volumeRows}
        filename={file(t('lead.reports.files.volumes'))}
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart
              accessibilityLayer={false}
              data={pivot(series.buckets, volumeRows, (row) => row.threads, 0)}
            >
              <BarPatterns />
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="bucket" tickFormatter={label} {...AXIS} />
              <YAxis allowDecimals={false} width={48} {...AXIS} />
              <Tooltip {...TOOLTIP} labelFormatter={(bucket) => label(String(bucket))} />
              <Legend {...LEGEND} />
              {channels.map((channel, index) => (
                <Bar
                  key={channel.key}
                  dataKey={channel.key}
                  name={channel.label}
                  stackId="volume"
                  fill={`url(#${patternId(index)})`}
                  stroke={colourOf(index)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportFigure
        title={t('lead.reports.charts.escalations')}
        summary={t('lead.reports.summary.escalations', { count: sent })}
        columns={escalationColumns}
        rows={series.escalations}
        filename={file(t('lead.reports.files.escalations'))}
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart accessibilityLayer={false} data={series.escalations}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="bucket" tickFormatter={label} {...AXIS} />
              <YAxis allowDecimals={false} width={48} {...AXIS} />
              <Tooltip {...TOOLTIP} labelFormatter={(bucket) => label(String(bucket))} />
              <Bar
                dataKey="sent"
                name={t('lead.reports.columns.sent')}
                fill="var(--chart-1)"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        }
      />
    </div>
  );
}

function figureRowsOf(series: SlaSeries, by: Grouping, t: TFunction): FigureRow[] {
  if (by === 'channelType') {
    return series.byChannelType.map((row) => ({
      ...row,
      group: { key: row.channelType, label: t(`channel.${row.channelType}`) },
    }));
  }
  return series.byTeam.map((row) => ({
    ...row,
    group: { key: row.teamId ?? 'none', label: row.teamName ?? t('lead.reports.noTeam') },
  }));
}

function LineChartOf({
  buckets,
  rows,
  groups,
  value,
  label,
  yFormat,
  yDomain,
}: {
  buckets: string[];
  rows: FigureRow[];
  groups: Group[];
  value: (row: FigureRow) => number | null;
  label: (bucket: string) => string;
  yFormat: (value: number) => string;
  yDomain: [number, number];
}) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart accessibilityLayer={false} data={pivot(buckets, rows, value)}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="bucket" tickFormatter={label} padding={X_PADDING} {...AXIS} />
        <YAxis domain={yDomain} tickFormatter={yFormat} width={56} {...AXIS} />
        <Tooltip
          {...TOOLTIP}
          labelFormatter={(bucket) => label(String(bucket))}
          formatter={(v) => yFormat(Number(v))}
        />
        <Legend {...LEGEND} />
        {groups.map((group, index) => (
          <Line
            key={group.key}
            dataKey={group.key}
            name={group.label}
            stroke={colourOf(index)}
            strokeWidth={2}
            strokeDasharray={dashOf(index)}
            dot={markerOf(index)}
            legendType="plainline"
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
