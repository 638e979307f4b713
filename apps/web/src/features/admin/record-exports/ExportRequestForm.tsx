import { useId, useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Form,
  Label,
  Radio,
  RadioGroup,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { endOfDay, isDate, startOfDay } from '../../../ui/dateInput';
import { formatFull, useLanguage } from '../../../ui/format';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useClosedThreads, useRequestExport } from './queries';
import type { RecordExportFilter } from './types';

type Mode = 'filter' | 'threads';
const CHANNEL_TYPES = ['EMAIL', 'WEB_FORM', 'FACEBOOK_PAGE', 'INSTAGRAM'] as const;
const ANY = 'any';

/** Asks for a record package: by the inbox's filters and a closing range, or by chosen threads. */
export function ExportRequestForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const [mode, setMode] = useState<Mode>('filter');
  const [closedFrom, setClosedFrom] = useState('');
  const [closedTo, setClosedTo] = useState('');
  const [channelType, setChannelType] = useState<string>(ANY);
  const [tag, setTag] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const request = useRequestExport();

  const fromError = closedFrom && !isDate(closedFrom) ? t('records.dateError') : undefined;
  const toError = closedTo && !isDate(closedTo) ? t('records.dateError') : undefined;

  const submit = () => {
    setFormError(undefined);
    if (mode === 'threads') {
      if (chosen.length === 0) return setFormError(t('records.exports.chooseThreads'));
      return send({ threadIds: chosen });
    }
    if (fromError || toError) return;
    if (!closedFrom || !closedTo) return setFormError(t('records.exports.rangeRequired'));
    const filter: RecordExportFilter = {
      closedFrom: startOfDay(closedFrom),
      closedTo: endOfDay(closedTo),
      ...(channelType !== ANY && { channelType: channelType as RecordExportFilter['channelType'] }),
      ...(tag.trim() && { tag: tag.trim() }),
      ...(q.trim() && { q: q.trim() }),
    };
    send({ filter });
  };
  const send = (body: Parameters<typeof request.mutate>[0]) =>
    request.mutate(body, {
      onSuccess: () => {
        announce(t('records.exports.requested'));
        setChosen([]);
      },
    });

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('records.exports.requestTitle')}</h2>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <RadioGroup
          className="radio-group"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
        >
          <Label>{t('records.exports.by')}</Label>
          <div className="checkbox-row">
            <Radio value="filter" className="radio">
              {t('records.exports.byFilter')}
            </Radio>
            <Radio value="threads" className="radio">
              {t('records.exports.byThreads')}
            </Radio>
          </div>
        </RadioGroup>
        {mode === 'filter' ? (
          <div className="form-grid">
            <TextField
              label={t('records.exports.closedFrom')}
              type="date"
              value={closedFrom}
              onChange={setClosedFrom}
              errorMessage={fromError}
              isRequired
            />
            <TextField
              label={t('records.exports.closedTo')}
              description={t('records.exports.closedToHelp')}
              type="date"
              value={closedTo}
              onChange={setClosedTo}
              errorMessage={toError}
              isRequired
            />
            <SelectField
              label={t('records.exports.channelType')}
              value={channelType}
              onChange={setChannelType}
              options={[
                { id: ANY, name: t('records.exports.anyChannel') },
                ...CHANNEL_TYPES.map((type) => ({ id: type, name: t(`channel.${type}`) })),
              ]}
            />
            <TextField label={t('records.exports.tag')} value={tag} onChange={setTag} />
            <TextField
              label={t('records.exports.q')}
              description={t('records.exports.qHelp')}
              value={q}
              onChange={setQ}
            />
          </div>
        ) : (
          <ThreadChooser chosen={chosen} onChange={setChosen} />
        )}
        {(formError || request.error) && (
          <p className="form-error" role="alert">
            {formError ?? request.error?.message}
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" className="button primary" isPending={request.isPending}>
            {t('records.exports.request')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function ThreadChooser({
  chosen,
  onChange,
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [q, setQ] = useState('');
  const threads = useClosedThreads(q.trim());
  const items = threads.data?.data ?? [];
  return (
    <div className="thread-chooser">
      <TextField
        label={t('records.exports.searchClosed')}
        type="search"
        value={q}
        onChange={setQ}
      />
      {threads.isSuccess && items.length === 0 && (
        <p className="muted">{t('records.exports.noClosed')}</p>
      )}
      {items.length > 0 && (
        <CheckboxGroup className="checkbox-group" value={chosen} onChange={onChange}>
          <Label>{t('records.exports.closedThreads', { count: chosen.length })}</Label>
          <ul className="choice-list">
            {items.map((thread) => (
              <li key={thread.id}>
                <Checkbox value={thread.id} className="checkbox">
                  <span className="checkbox-box" aria-hidden="true" />
                  <span>
                    {thread.subject || t('records.thread.noSubject')}
                    <span className="muted">
                      {' · '}
                      {thread.channelName}
                      {' · '}
                      {formatFull(thread.lastMessageAt, language)}
                    </span>
                  </span>
                </Checkbox>
              </li>
            ))}
          </ul>
        </CheckboxGroup>
      )}
    </div>
  );
}
