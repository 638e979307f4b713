import { escalationMail, type EscalationMailFacts, span } from './escalation-mail';

const facts: EscalationMailFacts = {
  locale: 'sv',
  threadId: '0f6c1d2e-1111-4222-8333-944455556666',
  threadSubject: 'Sophämtning <Storgatan>',
  contactName: 'Anna Andersson',
  channelName: 'Kontakta oss',
  target: 'firstResponse',
  level: 2,
  on: 'BREACH',
  dueAt: new Date('2026-11-24T15:00:00Z'),
  now: new Date('2026-11-24T17:15:00Z'),
  timeZone: 'Europe/Stockholm',
  publicUrl: 'https://svara.kommun.se',
};

describe('escalation e-mail', () => {
  it('says in Swedish which thread, channel and target, how late, with a link', () => {
    const mail = escalationMail(facts);
    expect(mail.subject).toBe(
      '[Svara] Försenat: Sophämtning <Storgatan> – första svar 2 tim 15 min sent (Kontakta oss)',
    );
    expect(mail.text).toContain('Förföll: 24 nov. 2026 16:00 CET');
    expect(mail.text).toContain('Från: Anna Andersson');
    expect(mail.text).toContain(
      'Öppna ärendet: https://svara.kommun.se/threads/0f6c1d2e-1111-4222-8333-944455556666',
    );
    expect(mail.html).toContain('Sophämtning &#60;Storgatan&#62;');
    expect(mail.html).toContain('<html lang="sv">');
  });

  it('never carries a personal identity number from the subject out of Svara', () => {
    const mail = escalationMail({ ...facts, threadSubject: 'Bygglov för 19811218-9876' });
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain('9876');
      expect(part).toContain('Bygglov för [identity number]');
    }
  });

  it('warns in English before the due time', () => {
    const mail = escalationMail({
      ...facts,
      locale: 'en',
      on: 'WARNING',
      level: 1,
      threadSubject: null,
      now: new Date('2026-11-24T14:30:00Z'),
    });
    expect(mail.subject).toBe(
      '[Svara] Due soon: (no subject) – first response due in 30 min (Kontakta oss)',
    );
    expect(mail.text).toContain('Due: 24 Nov 2026 16:00 CET');
  });

  it.each([
    [0, '0 min'],
    [59_000, '1 min'],
    [3_600_000, '1 h'],
    [26 * 3_600_000 + 60_000, '1 d 2 h 1 min'],
  ])('writes %i ms as "%s"', (ms, text) => {
    expect(span(ms, { d: 'd', h: 'h', min: 'min' })).toBe(text);
  });
});
