import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../settings/LanguagePicker';
import { useTitle } from '../../ui/useTitle';
import { SignInMethods } from './sso/SignInMethods';
import { ssoFailureOf } from './sso/types';

/** Where a person without a session lands; after signing in they go where they were headed. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect, sso } = useSearch({ from: '/login' });
  useTitle(t('auth.title'));
  const target = redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
  return (
    <main className="login-page">
      <div className="login-card">
        <h1 className="brand">{t('app.name')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        <h2>{t('auth.title')}</h2>
        <SignInMethods
          returnTo={target}
          failure={ssoFailureOf(sso)}
          onSignedIn={() => void navigate({ href: target, replace: true })}
        />
        <LanguagePicker />
      </div>
    </main>
  );
}
