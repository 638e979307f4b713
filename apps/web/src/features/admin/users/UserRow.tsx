import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SelectField } from '../../../ui/SelectField';
import { announce } from '../../../ui/announce';
import { userErrorText } from './errors';
import { useUpdateUser } from './queries';
import { type Role, ROLES, type User } from './types';

/** One user: role, whether they may sign in, and the change's error in words. */
export function UserRow({ user, isSelf, now }: { user: User; isSelf: boolean; now: number }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const error = userErrorText(update.error, t);
  const locked = user.lockedUntil && new Date(user.lockedUntil).getTime() > now;
  return (
    <tr>
      <th scope="row">
        {user.name}
        {isSelf && <span className="muted"> {t('users.you')}</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <SelectField
          label={t('users.roleOf', { name: user.name })}
          className="role-select"
          value={user.role}
          options={ROLES.map((r) => ({ id: r, name: t(`users.roleName.${r}`) }))}
          onChange={(role) =>
            role !== user.role && update.mutate({ id: user.id, body: { role: role as Role } })
          }
        />
      </td>
      <td>
        <span className={`status-tag ${user.active ? '' : 'inactive'}`}>
          {user.active ? (locked ? t('users.locked') : t('users.active')) : t('users.inactive')}
        </span>
      </td>
      <td>
        <div className="row-actions">
          {user.active ? (
            <ConfirmDialog
              trigger={t('users.deactivate')}
              title={t('users.deactivateTitle', { name: user.name })}
              confirmLabel={t('users.deactivateConfirm')}
              isPending={update.isPending}
              error={error}
              onConfirm={(close) =>
                update.mutate(
                  { id: user.id, body: { active: false } },
                  {
                    onSuccess: () => {
                      announce(t('users.deactivated', { name: user.name }));
                      close();
                    },
                  },
                )
              }
            >
              <p>{t('users.deactivateBody', { name: user.name })}</p>
            </ConfirmDialog>
          ) : (
            <Button
              className="button small"
              aria-label={t('users.activateNamed', { name: user.name })}
              onPress={() => update.mutate({ id: user.id, body: { active: true } })}
            >
              {t('users.activate')}
            </Button>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
