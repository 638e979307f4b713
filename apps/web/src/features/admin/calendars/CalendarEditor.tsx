import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../ui/CheckboxField';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { RecomputationProgress } from '../sla-policies/RecomputationProgress';
import {
  type CalendarForm,
  COUNTRIES,
  emptyForm,
  EVE_RULES,
  formOf,
  inputOf,
  type OwnDayKind,
  OWN_DAY_KINDS,
  WEEKDAYS,
  weekdayName,
} from './form';
import { useSaveCalendar } from './queries';
import type { Calendar } from './types';

/** Creates a calendar or changes one: weekly hours (several ranges a day), holidays, own days. */
export function CalendarEditor({
  calendar,
  onSaved,
  onCancel,
}: {
  calendar?: Calendar;
  onSaved: (calendar: Calendar) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<CalendarForm>(() => (calendar ? formOf(calendar) : emptyForm()));
  const [recomputationId, setRecomputationId] = useState<string | null>(null);
  const save = useSaveCalendar();
  const set = (change: Partial<CalendarForm>) => setForm((current) => ({ ...current, ...change }));
  const setRanges = (weekday: number, ranges: CalendarForm['weekly'][number]) =>
    set({ weekly: { ...form.weekly, [weekday]: ranges } });
  const setOwnDay = (index: number, change: Partial<CalendarForm['ownDays'][number]>) =>
    set({
      ownDays: form.ownDays.map((day, i) => (i === index ? { ...day, ...change } : day)),
    });

  const submit = () =>
    save.mutate(
      { id: calendar?.id, body: inputOf(form) },
      {
        onSuccess: (saved) => {
          setRecomputationId(
            (saved as { recomputationId?: string | null }).recomputationId ?? null,
          );
          onSaved(saved);
        },
      },
    );

  return (
    <Form
      className="admin-panel"
      aria-label={calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.new')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2>{calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.new')}</h2>
      <div className="form-grid">
        <TextField
          label={t('calendars.name')}
          value={form.name}
          onChange={(name) => set({ name })}
          isRequired
        />
        <TextField
          label={t('calendars.timeZone')}
          description={t('calendars.timeZoneHint')}
          value={form.timeZone}
          onChange={(timeZone) => set({ timeZone })}
          isRequired
        />
      </div>

      <fieldset>
        <legend>{t('calendars.weeklyHours')}</legend>
        <p className="hint muted">{t('calendars.weeklyHoursHint')}</p>
        <div className="weekly-hours">
          {WEEKDAYS.map((weekday) => {
            const ranges = form.weekly[weekday]!;
            const day = weekdayName(weekday, i18n.language);
            return (
              <fieldset key={weekday} className="weekday">
                <legend>{day}</legend>
                {ranges.length === 0 && <p className="muted">{t('calendars.closedAllDay')}</p>}
                {ranges.map((range, index) => (
                  <div key={index} className="inline-fields">
                    <TextField
                      label={t('calendars.opens')}
                      value={range.open}
                      placeholder="08:00"
                      onChange={(open) =>
                        setRanges(
                          weekday,
                          ranges.map((r, i) => (i === index ? { ...r, open } : r)),
                        )
                      }
                    />
                    <TextField
                      label={t('calendars.closes')}
                      value={range.close}
                      placeholder="16:30"
                      onChange={(close) =>
                        setRanges(
                          weekday,
                          ranges.map((r, i) => (i === index ? { ...r, close } : r)),
                        )
                      }
                    />
                    <Button
                      className="button small subtle"
                      aria-label={t('calendars.removeRange', { day, open: range.open })}
                      onPress={() =>
                        setRanges(
                          weekday,
                          ranges.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t('calendars.remove')}
                    </Button>
                  </div>
                ))}
                <Button
                  className="button small"
                  aria-label={t('calendars.addRangeTo', { day })}
                  onPress={() =>
                    setRanges(weekday, [
                      ...ranges,
                      ranges.length
                        ? { open: '13:00', close: '16:30' }
                        : { open: '08:00', close: '16:30' },
                    ])
                  }
                >
                  {t('calendars.addRange')}
                </Button>
              </fieldset>
            );
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('calendars.holidays')}</legend>
        <div className="row-actions">
          {COUNTRIES.map((country) => (
            <CheckboxField
              key={country}
              isSelected={form.holidayCountries.includes(country)}
              onChange={(selected) =>
                set({
                  holidayCountries: selected
                    ? [...form.holidayCountries, country]
                    : form.holidayCountries.filter((c) => c !== country),
                })
              }
            >
              {t(`calendars.country.${country}`)}
            </CheckboxField>
          ))}
        </div>
        <div className="form-grid">
          <SelectField
            label={t('calendars.eveDays')}
            value={form.eveDays}
            options={EVE_RULES.map((rule) => ({ id: rule, name: t(`calendars.eveRule.${rule}`) }))}
            onChange={(eveDays) => set({ eveDays: eveDays as CalendarForm['eveDays'] })}
          />
          {form.eveDays === 'HALF_DAY' && (
            <TextField
              label={t('calendars.halfDayClose')}
              value={form.halfDayClose}
              onChange={(halfDayClose) => set({ halfDayClose })}
            />
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('calendars.ownDays')}</legend>
        <p className="hint muted">{t('calendars.ownDaysHint')}</p>
        {form.ownDays.map((day, index) => (
          <div key={index} className="inline-fields own-day">
            <TextField
              label={t('calendars.date')}
              type="date"
              value={day.date}
              onChange={(date) => setOwnDay(index, { date })}
              isRequired
            />
            <SelectField
              label={t('calendars.dayKind')}
              value={day.kind}
              options={OWN_DAY_KINDS.map((kind) => ({
                id: kind,
                name: t(`calendars.ownDayKind.${kind}`),
              }))}
              onChange={(kind) =>
                setOwnDay(index, {
                  kind: kind as OwnDayKind,
                  close: kind === 'HALF_DAY' ? day.close || '12:00' : '',
                })
              }
            />
            {day.kind === 'HALF_DAY' && (
              <TextField
                label={t('calendars.closes')}
                value={day.close}
                onChange={(close) => setOwnDay(index, { close })}
              />
            )}
            <Button
              className="button small subtle"
              aria-label={t('calendars.removeDay', { date: day.date || '–' })}
              onPress={() => set({ ownDays: form.ownDays.filter((_, i) => i !== index) })}
            >
              {t('calendars.remove')}
            </Button>
          </div>
        ))}
        <Button
          className="button small"
          onPress={() =>
            set({ ownDays: [...form.ownDays, { kind: 'CLOSED', date: '', close: '' }] })
          }
        >
          {t('calendars.addDay')}
        </Button>
      </fieldset>

      <p className="form-error" role="alert">
        {save.error?.message}
      </p>
      {recomputationId && <RecomputationProgress id={recomputationId} />}
      <div className="form-actions">
        <Button type="submit" className="button primary" isPending={save.isPending}>
          {t('calendars.save')}
        </Button>
        <Button className="button" onPress={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
