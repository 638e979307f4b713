import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { languages } from '../../i18n/i18n';
import { useSession, useSetLocale } from '../auth/session';

/** Each language named in itself ("svenska", "English"), as people look for their own. */
const nameOf = (language: string) =>
  new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;

/** The app's language: saved on the account when signed in, else for this page only. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const setLocale = useSetLocale();
  return (
    <Select
      className="field select inline"
      selectedKey={i18n.language}
      onSelectionChange={(key) => {
        const language = String(key);
        if (session) setLocale.mutate(language as Locale);
        else void i18n.changeLanguage(language);
      }}
    >
      <Label>{t('settings.language')}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {languages.map((language) => (
            <ListBoxItem key={language} id={language} className="listbox-item" lang={language}>
              {nameOf(language)}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
