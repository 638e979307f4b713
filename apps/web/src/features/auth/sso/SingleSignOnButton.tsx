import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SingleSignOn } from './types';

/** A link, not a script call: the provider's sign-in is a page of its own. */
export function SingleSignOnButton({
  singleSignOn,
  returnTo,
}: {
  singleSignOn: SingleSignOn;
  returnTo?: string;
}) {
  const { t } = useTranslation();
  const target =
    returnTo && returnTo !== '/'
      ? `${singleSignOn.loginUrl}?${new URLSearchParams({ returnTo })}`
      : singleSignOn.loginUrl;
  return (
    <Link className="button primary sso-button" href={target}>
      {t('sso.signInWith', { name: singleSignOn.name })}
    </Link>
  );
}
