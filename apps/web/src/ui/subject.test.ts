import { describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../i18n/i18n';
import { shownSubject } from './subject';

describe('shownSubject', () => {
  it('says a comment thread’s subject in the reader’s language', async () => {
    await initI18n('sv');
    const t = i18next.t.bind(i18next);
    const subject = 'Comment on “Så plogar vi i vinter”';
    expect(shownSubject({ subject, channelType: 'FACEBOOK_PAGE' }, t)).toBe(
      'Kommentar på ”Så plogar vi i vinter”',
    );
    // Only ingest's own form on a Meta channel: a mail may well be called so.
    expect(shownSubject({ subject, channelType: 'EMAIL' }, t)).toBe(subject);
    expect(shownSubject({ subject: null, channelType: 'EMAIL' }, t)).toBe('(inget ämne)');
    await i18next.changeLanguage('en');
    expect(shownSubject({ subject, channelType: 'INSTAGRAM' }, t)).toBe(
      'Comment on “Så plogar vi i vinter”',
    );
  });
});
