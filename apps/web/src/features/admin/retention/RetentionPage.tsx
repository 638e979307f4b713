import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { PolicyEditor } from './PolicyEditor';
import { PolicyRuns } from './PolicyRuns';
import { usePolicies } from './queries';
import type { RetentionPolicy } from './types';
import '../records.css';

/** Retention policies: the list, the editor with its dry run, and each policy's runs. */
export function RetentionPage() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const [editing, setEditing] = useState<RetentionPolicy | 'new' | null>(null);

  return (
    <SectionPage
      title={t('sections.retention')}
      actions={
        <Button className="button primary" onPress={() => setEditing('new')}>
          {t('records.retention.new')}
        </Button>
      }
    >
      <p className="muted intro">{t('records.retention.intro')}</p>
      {policies.isPending && <p className="muted">{t('common.loading')}</p>}
      {policies.isError && (
        <p className="notice error" role="alert">
          {policies.error.message}
        </p>
      )}
      {policies.data?.length === 0 && <p className="muted">{t('records.retention.none')}</p>}
      {policies.data && policies.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('records.retention.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records.retention.name')}</th>
              <th scope="col">{t('records.retention.action')}</th>
              <th scope="col" className="number">
                {t('records.retention.afterDays')}
              </th>
              <th scope="col">{t('records.retention.channelTypes')}</th>
              <th scope="col">{t('records.retention.tags')}</th>
              <th scope="col">{t('records.retention.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('records.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.data.map((policy) => (
              <tr key={policy.id}>
                <th scope="row">{policy.name}</th>
                <td>{t(`records.retention.actions.${policy.action}`)}</td>
                <td className="number">{policy.afterDays}</td>
                <td>
                  {policy.channelTypes.length === 0
                    ? t('records.retention.allChannels')
                    : policy.channelTypes.map((type) => t(`channel.${type}`)).join(', ')}
                </td>
                <td>
                  {policy.tags.length === 0
                    ? t('records.retention.anyTag')
                    : policy.tags.join(', ')}
                </td>
                <td>
                  {policy.enabled
                    ? t('records.retention.enabled')
                    : t('records.retention.disabled')}
                </td>
                <td>
                  <Button
                    className="button small"
                    aria-label={t('records.retention.editNamed', { name: policy.name })}
                    onPress={() => setEditing(policy)}
                  >
                    {t('records.retention.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <PolicyEditor
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onSaved={(saved) => setEditing(saved)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing && editing !== 'new' && <PolicyRuns key={editing.id} policy={editing} />}
    </SectionPage>
  );
}
