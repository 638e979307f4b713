import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { announce } from '../../../ui/announce';
import { CalendarEditor } from './CalendarEditor';
import { CalendarYearTable } from './CalendarYearTable';
import { useCalendars } from './queries';
import './calendars.css';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

export function CalendarsPage() {
  const { t } = useTranslation();
  const { data: calendars, error, isPending } = useCalendars();
  const [editing, setEditing] = useState<Editing>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = calendars?.find((c) => c.id === shownId) ?? calendars?.[0];
  const edited = editing?.mode === 'edit' ? calendars?.find((c) => c.id === editing.id) : undefined;
  return (
    <SectionPage
      title={t('sections.calendars')}
      actions={
        <Button className="button primary" onPress={() => setEditing({ mode: 'new' })}>
          {t('calendars.new')}
        </Button>
      }
    >
      <p className="muted">{t('calendars.intro')}</p>
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {calendars && calendars.length === 0 && <p className="muted">{t('calendars.none')}</p>}
      {calendars && calendars.length > 0 && (
        <table className="data-table admin-panel">
          <caption className="visually-hidden">{t('sections.calendars')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendars.name')}</th>
              <th scope="col">{t('calendars.timeZone')}</th>
              <th scope="col">{t('calendars.holidays')}</th>
              <th scope="col">{t('calendars.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((calendar) => (
              <tr key={calendar.id}>
                <th scope="row">{calendar.name}</th>
                <td>{calendar.timeZone}</td>
                <td>
                  {calendar.holidayCountries
                    .map((country) => t(`calendars.country.${country}`))
                    .join(', ') || t('calendars.noHolidays')}
                </td>
                <td className="row-actions">
                  <Button
                    className="button small"
                    aria-label={t('calendars.editNamed', { name: calendar.name })}
                    onPress={() => setEditing({ mode: 'edit', id: calendar.id })}
                  >
                    {t('calendars.edit')}
                  </Button>
                  <Button
                    className="button small"
                    aria-label={t('calendars.showYearNamed', { name: calendar.name })}
                    onPress={() => setShownId(calendar.id)}
                  >
                    {t('calendars.showYear')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <CalendarEditor
          key={editing.mode === 'edit' ? editing.id : 'new'}
          calendar={edited}
          onSaved={(saved) => {
            announce(t('calendars.saved', { name: saved.name }));
            setShownId(saved.id);
            if (editing.mode === 'new') setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {shown && <CalendarYearTable key={shown.id} calendar={shown} />}
    </SectionPage>
  );
}
