import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { useMe } from '../../auth/session';
import { NewUserForm } from './NewUserForm';
import { useUsers } from './queries';
import { UserRow } from './UserRow';
import './users.css';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data: users, error, isPending } = useUsers();
  const [creating, setCreating] = useState(false);
  // When the list was fetched: a lock that has run out shows as active.
  const [now] = useState(() => Date.now());
  return (
    <SectionPage
      title={t('sections.users')}
      actions={
        <Button className="button primary" onPress={() => setCreating(true)}>
          {t('users.new')}
        </Button>
      }
    >
      <p className="muted">{t('users.intro')}</p>
      {creating && <NewUserForm onDone={() => setCreating(false)} />}
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {users && (
        <table className="data-table admin-panel users-table">
          <caption className="visually-hidden">{t('sections.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === me.id} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </SectionPage>
  );
}
