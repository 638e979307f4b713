import { describe, expect, it } from 'vitest';
import { i18next, languages, pickLanguage, resources } from './i18n';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

describe('i18n', () => {
  it('finds every locale file without a list in code', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'sv']));
  });

  it('has the same keys in every language, area files included', () => {
    const swedish = keys(resources.sv.translation).sort();
    for (const language of languages) {
      expect(keys(resources[language].translation).sort()).toEqual(swedish);
    }
  });

  it('picks the first wanted language it has, by region-free tag too, else Swedish', () => {
    expect(pickLanguage(['en-GB', 'sv'])).toBe('en');
    expect(pickLanguage([null, 'de-DE', 'sv-FI'])).toBe('sv');
    expect(pickLanguage(['de', 'fr'])).toBe('sv');
    expect(pickLanguage([])).toBe('sv');
  });

  it('keeps <html lang> on the current language', async () => {
    await i18next.changeLanguage('sv');
    expect(document.documentElement.lang).toBe('sv');
    await i18next.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
