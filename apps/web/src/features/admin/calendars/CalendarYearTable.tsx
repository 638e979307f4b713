import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/SelectField';
import { weekdayName } from './form';
import { useCalendarYear } from './queries';
import type { Calendar, SpecialDay } from './types';

function hoursText(day: SpecialDay, closed: string) {
  return day.hours.length === 0
    ? closed
    : day.hours.map((range) => `${range.open}–${range.close}`).join(', ');
}

/** The year's holidays, eves and own days of a calendar, with the hours it keeps on each. */
export function CalendarYearTable({ calendar }: { calendar: Calendar }) {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear + 1);
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const { data, error, isPending } = useCalendarYear(calendar.id, year, language);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return (
    <section className="admin-panel" aria-labelledby="calendar-year-heading">
      <div className="page-header">
        <h2 id="calendar-year-heading">
          {t('calendars.year.title', { name: calendar.name, year })}
        </h2>
        <SelectField
          className="inline"
          label={t('calendars.year.label')}
          value={String(year)}
          options={[thisYear, thisYear + 1, thisYear + 2].map((y) => ({
            id: String(y),
            name: String(y),
          }))}
          onChange={(value) => setYear(Number(value))}
        />
      </div>
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {data && data.days.length === 0 && <p className="muted">{t('calendars.year.none')}</p>}
      {data && data.days.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">
            {t('calendars.year.title', { name: calendar.name, year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('calendars.year.date')}</th>
              <th scope="col">{t('calendars.year.weekday')}</th>
              <th scope="col">{t('calendars.year.what')}</th>
              <th scope="col">{t('calendars.year.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {data.days.map((day) => (
              <tr key={day.date}>
                <td>
                  <time dateTime={day.date}>
                    {dateFormat.format(new Date(`${day.date}T00:00Z`))}
                  </time>
                </td>
                <td>{weekdayName(day.weekday, i18n.language)}</td>
                <td>
                  <span className={`day-kind day-${day.kind.toLowerCase()}`}>
                    {t(`calendars.dayKindName.${day.kind}`)}
                  </span>
                  {day.holidays.length > 0 && (
                    <span className="muted">
                      {' '}
                      {day.holidays
                        .map((holiday) => `${holiday.name} (${holiday.country})`)
                        .join(', ')}
                    </span>
                  )}
                </td>
                <td>{hoursText(day, t('calendars.closed'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
