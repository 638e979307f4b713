import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { userErrorText } from './errors';
import { useCreateUser } from './queries';
import { type Role, ROLES } from './types';

/** Creates a user with a starting password that the admin hands over. */
export function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('AGENT');
  const [password, setPassword] = useState('');
  const error = userErrorText(create.error, t);
  const aboutPassword = create.error && /^password /.test(create.error.message);
  return (
    <Form
      className="admin-panel"
      aria-label={t('users.new')}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { name: name.trim(), email: email.trim(), role, password },
          {
            onSuccess: (user) => {
              announce(t('users.created', { name: user.name }));
              onDone();
            },
          },
        );
      }}
    >
      <h2>{t('users.new')}</h2>
      <p className="hint muted">{t('users.passwordOnly')}</p>
      <div className="form-grid">
        <TextField label={t('users.name')} value={name} onChange={setName} isRequired />
        <TextField
          label={t('users.email')}
          type="email"
          value={email}
          onChange={setEmail}
          isRequired
        />
        <SelectField
          label={t('users.role')}
          value={role}
          options={ROLES.map((r) => ({ id: r, name: t(`users.roleName.${r}`) }))}
          onChange={(r) => setRole(r as Role)}
        />
        <TextField
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          description={t('users.passwordRules')}
          value={password}
          onChange={(value) => {
            // The server's reason stays until the password changes; then the form may be sent again.
            create.reset();
            setPassword(value);
          }}
          isRequired
          errorMessage={aboutPassword ? error : undefined}
        />
      </div>
      {!aboutPassword && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <Button type="submit" className="button primary" isPending={create.isPending}>
          {t('users.create')}
        </Button>
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
