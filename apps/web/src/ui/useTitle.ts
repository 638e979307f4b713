import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab's title: what is open, then the app's name. */
export function useTitle(what: string | null | undefined): void {
  const { t } = useTranslation();
  const name = t('app.name');
  useEffect(() => {
    document.title = what ? `${what} – ${name}` : name;
  }, [what, name]);
}
