import type { ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isDate } from '../../../ui/dateInput';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useDirectory } from '../../inbox/queries';

/** A select's "no filter" choice. */
export const ANY = 'any';

export interface RangeDraft {
  from: string;
  to: string;
}

/** A log's filter form: the page's own fields, then the date range; applied on submit. */
export function LogFilters({
  label,
  range,
  onRangeChange,
  onApply,
  onClear,
  children,
}: {
  label: string;
  range: RangeDraft;
  onRangeChange: (range: RangeDraft) => void;
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fromError = range.from && !isDate(range.from) ? t('records.dateError') : undefined;
  const toError =
    range.to && !isDate(range.to)
      ? t('records.dateError')
      : range.from && range.to && range.to < range.from
        ? t('records.logs.toBeforeFrom')
        : undefined;
  return (
    <Form
      role="search"
      aria-label={label}
      className="log-filters"
      onSubmit={(event) => {
        event.preventDefault();
        if (!fromError && !toError) onApply();
      }}
    >
      <div className="form-grid">
        {children}
        <TextField
          label={t('records.logs.from')}
          type="date"
          value={range.from}
          onChange={(from) => onRangeChange({ ...range, from })}
          errorMessage={fromError}
        />
        <TextField
          label={t('records.logs.to')}
          type="date"
          value={range.to}
          onChange={(to) => onRangeChange({ ...range, to })}
          errorMessage={toError}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" className="button primary">
          {t('records.logs.apply')}
        </Button>
        <Button className="button" onPress={onClear}>
          {t('records.logs.clear')}
        </Button>
      </div>
    </Form>
  );
}

/** Paging of a newest-first log: the next (older) page, or back to the newest. */
export function LogPager({
  cursor,
  nextCursor,
  onPage,
}: {
  cursor?: string;
  nextCursor: string | null | undefined;
  onPage: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation();
  if (!cursor && !nextCursor) return null;
  return (
    <nav className="form-actions" aria-label={t('records.logs.paging')}>
      {cursor && (
        <Button className="button" onPress={() => onPage(undefined)}>
          {t('records.logs.newest')}
        </Button>
      )}
      {nextCursor && (
        <Button className="button" onPress={() => onPage(nextCursor)}>
          {t('records.logs.older')}
        </Button>
      )}
    </nav>
  );
}

/** Pick one person from the directory, or anyone. */
export function PersonFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { data: directory } = useDirectory();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={[
        { id: ANY, name: t('records.logs.anyone') },
        ...(directory?.users.map((user) => ({ id: user.id, name: user.name })) ?? []),
      ]}
    />
  );
}

/** What a log query came to when it shows no rows: its error, announced, or "none". */
export function LogOutcome({ error, empty }: { error: Error | null; empty: boolean }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p className="notice error" role="alert">
        {error.message}
      </p>
    );
  }
  return empty ? (
    <p className="muted" role="status">
      {t('records.logs.none')}
    </p>
  ) : null;
}
