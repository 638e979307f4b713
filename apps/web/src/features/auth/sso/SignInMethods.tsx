import { useTranslation } from 'react-i18next';
import type { Session } from '../../../api/types';
import { LoginForm } from '../LoginForm';
import { SingleSignOnButton } from './SingleSignOnButton';
import type { SsoFailure } from './types';
import { useAuthMethods } from './useAuthMethods';
import './sso.css';

/**
 * The ways to sign in the server offers: the provider's button, the password
 * form, or both with "or" between; and why a single sign-on came back refused.
 */
export function SignInMethods({
  onSignedIn,
  returnTo,
  failure,
}: {
  onSignedIn: (session: Session) => void;
  returnTo?: string;
  failure?: SsoFailure;
}) {
  const { t } = useTranslation();
  const { methods } = useAuthMethods();
  return (
    <div className="sign-in-methods">
      {failure ? (
        <p className="notice error" role="alert">
          {t(`sso.failure.${failure}`)}
        </p>
      ) : null}
      {methods?.singleSignOn ? (
        <SingleSignOnButton singleSignOn={methods.singleSignOn} returnTo={returnTo} />
      ) : null}
      {methods?.singleSignOn && methods.password ? (
        <p className="sso-or">
          <span>{t('sso.or')}</span>
        </p>
      ) : null}
      {methods?.password ? <LoginForm onSignedIn={onSignedIn} /> : null}
    </div>
  );
}
