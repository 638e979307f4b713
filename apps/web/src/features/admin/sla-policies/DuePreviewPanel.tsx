import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';
import { SelectField } from '../../../ui/SelectField';
import { type PolicyForm, targetOf } from './form';
import { useDuePreview } from './queries';
import { TARGET_NAMES, type TargetName } from './types';

/** "2027-03-05T15:30" for a datetime-local field, in the browser's zone. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** When is this due? The policy being edited, on its calendar, for a message arriving at a time. */
export function DuePreviewPanel({ form, timeZone }: { form: PolicyForm; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const [arrival, setArrival] = useState(() => localInput(new Date()));
  const enabled = TARGET_NAMES.filter((name) => form.targets[name].enabled);
  const [chosen, setChosen] = useState<TargetName>('firstResponse');
  const targetName = enabled.includes(chosen) ? chosen : enabled[0];
  const target = targetName ? targetOf(form.targets[targetName]) : undefined;
  const arrivedAt = Number.isNaN(new Date(arrival).getTime())
    ? ''
    : new Date(arrival).toISOString();
  const { data, error, isFetching } = useDuePreview(form.calendarId, target, arrivedAt);
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: data?.timeZone ?? timeZone,
    }).format(new Date(iso));
  return (
    <section className="admin-panel due-preview" aria-labelledby="due-preview-heading">
      <h2 id="due-preview-heading">{t('slaPolicies.preview.title')}</h2>
      {!form.calendarId || !target ? (
        <p className="muted">{t('slaPolicies.preview.needs')}</p>
      ) : (
        <>
          <div className="form-grid">
            <TextField
              label={t('slaPolicies.preview.arrival')}
              type="datetime-local"
              value={arrival}
              onChange={setArrival}
            />
            <SelectField
              label={t('slaPolicies.preview.target')}
              value={targetName!}
              options={enabled.map((name) => ({ id: name, name: t(`slaPolicies.target.${name}`) }))}
              onChange={(name) => setChosen(name as TargetName)}
            />
          </div>
          <div role="status" aria-live="polite" aria-busy={isFetching} className="preview-result">
            {error && <p className="form-error">{error.message}</p>}
            {data && !error && (
              <dl className="facts">
                <dt>{t('slaPolicies.preview.dueAt')}</dt>
                <dd data-testid="preview-due">{format(data.dueAt)}</dd>
                {data.warnAt && (
                  <>
                    <dt>{t('slaPolicies.preview.warnAt')}</dt>
                    <dd>{format(data.warnAt)}</dd>
                  </>
                )}
              </dl>
            )}
          </div>
        </>
      )}
    </section>
  );
}
