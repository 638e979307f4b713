import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { SectionPage } from '../../../ui/SectionPage';
import { useCalendars } from '../calendars/queries';
import { PolicyEditor } from './PolicyEditor';
import { usePolicies } from './queries';
import type { SlaPolicy, Target } from './types';
import '../calendars/calendars.css';
import './policies.css';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

function useTargetText() {
  const { t } = useTranslation();
  return (target: Target | null) => {
    if (!target) return t('slaPolicies.noTarget');
    if (target.workingDays !== undefined && target.workingDays !== null)
      return t('slaPolicies.summary.workingDays', { count: target.workingDays });
    return t('slaPolicies.summary.minutes', { count: target.minutes });
  };
}

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { data: policies, error, isPending } = usePolicies();
  const calendars = useCalendars().data ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const targetText = useTargetText();
  const edited: SlaPolicy | undefined =
    editing?.mode === 'edit' ? policies?.find((p) => p.id === editing.id) : undefined;
  return (
    <SectionPage
      title={t('sections.slaPolicies')}
      actions={
        <Button
          className="button primary"
          isDisabled={calendars.length === 0}
          onPress={() => setEditing({ mode: 'new' })}
        >
          {t('slaPolicies.new')}
        </Button>
      }
    >
      <p className="muted">{t('slaPolicies.intro')}</p>
      {calendars.length === 0 && <p className="notice">{t('slaPolicies.needsCalendar')}</p>}
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {policies && policies.length > 0 && (
        <table className="data-table admin-panel">
          <caption className="visually-hidden">{t('sections.slaPolicies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('slaPolicies.name')}</th>
              <th scope="col">{t('slaPolicies.calendar')}</th>
              <th scope="col">{t('slaPolicies.target.firstResponse')}</th>
              <th scope="col">{t('slaPolicies.target.resolution')}</th>
              <th scope="col" className="number">
                {t('slaPolicies.levels')}
              </th>
              <th scope="col">{t('slaPolicies.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.id}>
                <th scope="row">{policy.name}</th>
                <td>{calendars.find((c) => c.id === policy.calendarId)?.name ?? '–'}</td>
                <td>{targetText(policy.firstResponse)}</td>
                <td>{targetText(policy.resolution)}</td>
                <td className="number">{policy.escalationLevels.length}</td>
                <td>
                  <Button
                    className="button small"
                    aria-label={t('slaPolicies.editNamed', { name: policy.name })}
                    onPress={() => setEditing({ mode: 'edit', id: policy.id })}
                  >
                    {t('slaPolicies.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (editing.mode === 'new' || edited) && (
        <PolicyEditor
          key={editing.mode === 'edit' ? editing.id : 'new'}
          policy={edited}
          onSaved={(saved) => {
            announce(t('slaPolicies.saved', { name: saved.name }));
            setEditing({ mode: 'edit', id: saved.id });
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </SectionPage>
  );
}
