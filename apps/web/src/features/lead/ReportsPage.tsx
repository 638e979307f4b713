import { parseDate, type CalendarDate } from '@internationalized/date';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { DateField, DateInput, DateSegment, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../ui/SectionPage';
import { SelectField } from '../../ui/SelectField';
import { useSlaSeries, type SeriesQuery } from './queries';
import { ReportCharts } from './ReportCharts';
import { type ReportSearch, validateReportSearch } from './search';
import './lead.css';

/** The longest range the API reports on, in days. */
const MAX_DAYS = 366;
const DAY = 86_400_000;

/** The local date of an instant, "YYYY-MM-DD". */
function isoDay(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
/** The date after a date "YYYY-MM-DD". */
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

/** The last 30 days, today included, unless the URL says otherwise. */
function rangeOf(search: ReportSearch) {
  const today = isoDay(Date.now());
  return {
    from: search.from ?? isoDay(Date.now() - 29 * DAY),
    to: search.to ?? today,
  };
}

/** SLA reports over a chosen range, by day or week, for one or all of the lead's teams. */
export function ReportsPage() {
  const { t } = useTranslation();
  const search = validateReportSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const { from, to } = rangeOf(search);
  const bucket = search.bucket ?? 'day';
  const by = search.by ?? 'channelType';
  const set = (change: Partial<ReportSearch>) =>
    void navigate({ to: '/lead/reports', search: { ...search, from, to, ...change } });

  const span = daysBetween(from, to);
  const error =
    span < 0
      ? t('lead.reports.errors.order')
      : span + 1 > MAX_DAYS
        ? t('lead.reports.errors.tooLong', { days: MAX_DAYS })
        : null;
  const query: SeriesQuery | null = error
    ? null
    : {
        from,
        to: nextDay(to),
        bucket,
        ...(search.team ? { teamId: search.team } : {}),
      };
  const series = useSlaSeries(query);
  const teams = series.data?.teams ?? [];

  return (
    <SectionPage title={t('sections.reports')}>
      <form className="report-controls" onSubmit={(event) => event.preventDefault()}>
        <DayField
          label={t('lead.reports.from')}
          value={from}
          invalid={error !== null}
          onChange={(day) => set({ from: day })}
        />
        <DayField
          label={t('lead.reports.to')}
          value={to}
          invalid={error !== null}
          onChange={(day) => set({ to: day })}
        />
        <SelectField
          label={t('lead.reports.bucket')}
          value={bucket}
          options={[
            { id: 'day', name: t('lead.reports.byDay') },
            { id: 'week', name: t('lead.reports.byWeek') },
          ]}
          onChange={(value) => set({ bucket: value as 'day' | 'week' })}
        />
        <SelectField
          label={t('lead.reports.team')}
          value={search.team ?? 'all'}
          options={[{ id: 'all', name: t('lead.reports.allTeams') }, ...teams]}
          onChange={(value) => set({ team: value === 'all' ? undefined : value })}
        />
        <SelectField
          label={t('lead.reports.groupBy')}
          value={by}
          options={[
            { id: 'channelType', name: t('lead.reports.byChannelType') },
            { id: 'team', name: t('lead.reports.byTeam') },
          ]}
          onChange={(value) => set({ by: value as 'channelType' | 'team' })}
        />
      </form>
      <p className="form-error" role="alert">
        {error ?? ''}
      </p>
      {series.isError && (
        <p className="notice error" role="alert">
          {t('lead.reports.failed', { message: series.error.message })}
        </p>
      )}
      {query && series.isPending && <p className="muted">{t('lead.loading')}</p>}
      {series.data && !error && <ReportCharts series={series.data} by={by} />}
    </SectionPage>
  );
}

function DayField({
  label,
  value,
  invalid,
  onChange,
}: {
  label: string;
  value: string;
  invalid: boolean;
  onChange: (day: string) => void;
}) {
  return (
    <DateField
      className="field date-field"
      value={parseDate(value)}
      isInvalid={invalid}
      onChange={(day: CalendarDate | null) => day && onChange(day.toString())}
    >
      <Label>{label}</Label>
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
    </DateField>
  );
}
