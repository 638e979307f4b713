import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import type { Language } from './web';

const LOCALES = path.join(__dirname, '../../apps/web/src/i18n/locales');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** A language's texts as the app assembles them: <lang>.json, then each <lang>/<area>.json under <area>. */
function messagesOf(language: Language): Record<string, unknown> {
  const messages = readJson(path.join(LOCALES, `${language}.json`));
  const areas = path.join(LOCALES, language);
  if (existsSync(areas)) {
    for (const file of readdirSync(areas).filter((name) => name.endsWith('.json'))) {
      messages[file.replace(/\.json$/, '')] = readJson(path.join(areas, file));
    }
  }
  return messages;
}

export type Strings = (key: string, values?: Record<string, unknown>) => string;

/**
 * The web app's own texts (apps/web/src/i18n/locales), through i18next as the
 * app renders them, so tests find controls by the names people see. A key
 * the app does not have fails the test, naming the key.
 */
export async function webStrings(language: Language): Promise<Strings> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      sv: { translation: messagesOf('sv') },
      en: { translation: messagesOf('en') },
    },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return (key, values) => {
    if (!instance.exists(key, values)) throw new Error(`${language}.json has no text ${key}`);
    const t = instance.t as unknown as (key: string, values?: object) => string;
    return t(key, values);
  };
}

/** A pattern for a text with placeholders: `{{name}}` parts match anything. */
export function textPattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\\{\\\{[^}]+\\\}\\\}/g, '.+'));
}
