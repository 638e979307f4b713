import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFull, useLanguage } from '../../../ui/format';
import { SectionPage } from '../../../ui/SectionPage';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { ANY, LogFilters, LogOutcome, LogPager, PersonFilter } from './LogFilters';
import { useAuditLog } from './queries';
import { type AuditSearch, validateAuditSearch } from './search';
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from './types';
import '../records.css';

/** Who changed what: the audit log with its filters in the URL. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const search = validateAuditSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const [actorId, setActorId] = useState(search.actorId ?? ANY);
  const [entityType, setEntityType] = useState<string>(search.entityType ?? ANY);
  const [action, setAction] = useState(search.action ?? '');
  const [range, setRange] = useState({ from: search.from ?? '', to: search.to ?? '' });
  const log = useAuditLog(search);

  const go = (next: AuditSearch) =>
    void navigate({ to: '.', search: validateAuditSearch({ ...next }) as never });
  const apply = () =>
    go({
      actorId: actorId === ANY ? undefined : actorId,
      entityType: entityType === ANY ? undefined : (entityType as AuditEntityType),
      action,
      ...range,
    });
  const clear = () => {
    setActorId(ANY);
    setEntityType(ANY);
    setAction('');
    setRange({ from: '', to: '' });
    go({});
  };
  const entries = log.data?.data ?? [];

  return (
    <SectionPage title={t('sections.auditLog')}>
      <LogFilters
        label={t('records.logs.filters')}
        range={range}
        onRangeChange={setRange}
        onApply={apply}
        onClear={clear}
      >
        <PersonFilter label={t('records.logs.actor')} value={actorId} onChange={setActorId} />
        <SelectField
          label={t('records.logs.entityType')}
          value={entityType}
          onChange={setEntityType}
          options={[
            { id: ANY, name: t('records.logs.anyEntity') },
            ...AUDIT_ENTITY_TYPES.map((id) => ({ id, name: t(`records.logs.entities.${id}`) })),
          ]}
        />
        <TextField
          label={t('records.logs.action')}
          description={t('records.logs.actionHelp')}
          value={action}
          onChange={setAction}
        />
      </LogFilters>
      <LogOutcome error={log.error} empty={log.isSuccess && entries.length === 0} />
      {entries.length > 0 && (
        <table className="data-table log-table">
          <caption className="visually-hidden">{t('sections.auditLog')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.logs.when')}</th>
              <th scope="col">{t('records.logs.actor')}</th>
              <th scope="col">{t('records.logs.action')}</th>
              <th scope="col">{t('records.logs.entityType')}</th>
              <th scope="col">{t('records.logs.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatFull(entry.createdAt, language)}</td>
                <td>{entry.actor?.name ?? t('records.system')}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {(AUDIT_ENTITY_TYPES as readonly string[]).includes(entry.entityType)
                    ? t(`records.logs.entities.${entry.entityType}`)
                    : entry.entityType}
                  {entry.entityId && <div className="muted id-text">{entry.entityId}</div>}
                </td>
                <td>
                  <code className="log-data">{JSON.stringify(entry.data)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LogPager
        cursor={search.cursor}
        nextCursor={log.data?.nextCursor}
        onPage={(cursor) => go({ ...search, cursor })}
      />
    </SectionPage>
  );
}
