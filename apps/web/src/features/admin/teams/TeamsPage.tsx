import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { SectionPage } from '../../../ui/SectionPage';
import { TextField } from '../../../ui/TextField';
import { usePolicies } from '../sla-policies/queries';
import { useUsers } from '../users/queries';
import { useCreateTeam, useTeams } from './queries';
import { TeamPanel } from './TeamPanel';
import './teams.css';

export function TeamsPage() {
  const { t } = useTranslation();
  const { data: teams, error, isPending } = useTeams();
  const users = useUsers().data ?? [];
  const policies = usePolicies().data ?? [];
  const create = useCreateTeam();
  const [name, setName] = useState('');
  return (
    <SectionPage title={t('sections.teams')}>
      <p className="muted">{t('teams.intro')}</p>
      <Form
        className="admin-panel inline-fields new-team"
        aria-label={t('teams.new')}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(name.trim(), {
            onSuccess: () => {
              announce(t('teams.created', { name: name.trim() }));
              setName('');
            },
          });
        }}
      >
        <TextField
          label={t('teams.newName')}
          value={name}
          onChange={(value) => {
            create.reset();
            setName(value);
          }}
          isRequired
          errorMessage={create.error?.message}
        />
        <Button type="submit" className="button primary" isPending={create.isPending}>
          {t('teams.create')}
        </Button>
      </Form>
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {teams?.length === 0 && <p className="muted">{t('teams.none')}</p>}
      {teams?.map((team) => (
        <TeamPanel key={team.id} team={team} users={users} policies={policies} />
      ))}
    </SectionPage>
  );
}
