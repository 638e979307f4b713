import { useId, useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Session } from '../../api/types';
import { useSignIn } from './session';

/** E-mail and password; the error is announced (aria-live) and stays next to the button. */
export function LoginForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  const error = signIn.error
    ? signIn.error instanceof ApiError && signIn.error.status === 401
      ? t('auth.error.invalid')
      : signIn.error instanceof ApiError && signIn.error.status === 429
        ? t('auth.error.tooMany')
        : t('auth.error.unavailable')
    : null;

  return (
    <Form className="login-form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
      <TextField
        className="field"
        type="email"
        name="email"
        autoComplete="username"
        isRequired
        value={email}
        onChange={setEmail}
      >
        <Label>{t('auth.email')}</Label>
        <Input />
        <FieldError>{t('auth.error.emailRequired')}</FieldError>
      </TextField>
      <TextField
        className="field"
        type="password"
        name="password"
        autoComplete="current-password"
        isRequired
        value={password}
        onChange={setPassword}
      >
        <Label>{t('auth.password')}</Label>
        <Input />
        <FieldError>{t('auth.error.passwordRequired')}</FieldError>
      </TextField>
      <p id={errorId} className="form-error" aria-live="assertive" role="alert">
        {error}
      </p>
      <Button type="submit" className="button primary" isPending={signIn.isPending}>
        {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
      </Button>
    </Form>
  );
}
