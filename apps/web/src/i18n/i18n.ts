import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Messages = Record<string, unknown>;

/**
 * Every locales/<lang>.json is a language of the app, and every
 * locales/<lang>/<area>.json adds that area's strings under the key <area>
 * (`t('<area>.…')`): a new file is picked up by the build, no code to change.
 */
const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });
const areaFiles = import.meta.glob<Messages>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

function messagesByLanguage(): Map<string, Messages> {
  const byLanguage = new Map<string, Messages>();
  const of = (language: string) => {
    let messages = byLanguage.get(language);
    if (!messages) byLanguage.set(language, (messages = {}));
    return messages;
  };
  for (const [path, messages] of Object.entries(files)) {
    Object.assign(of(path.replace(/^.*\/([^/]+)\.json$/, '$1')), messages);
  }
  for (const [path, messages] of Object.entries(areaFiles)) {
    const [, language, area] = /([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    of(language)[area] = messages;
  }
  return byLanguage;
}

export const resources = Object.fromEntries(
  [...messagesByLanguage()].map(([language, messages]) => [language, { translation: messages }]),
);

export const DEFAULT_LANGUAGE = 'sv';
export const languages: string[] = Object.keys(resources).sort();

/** The first of the wanted languages the app has (matching "sv-SE" to "sv"), else Swedish. */
export function pickLanguage(wanted: readonly (string | null | undefined)[]): string {
  for (const tag of wanted) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (languages.includes(lower)) return lower;
    const base = lower.split('-')[0];
    if (languages.includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** The user's setting, else the browser's languages, else Swedish. */
export function languageFor(userLocale: string | null | undefined): string {
  return pickLanguage([userLocale, ...(navigator.languages ?? []), navigator.language]);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export function initI18n(language = languageFor(null)) {
  return i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18next };
