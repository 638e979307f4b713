import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UnusableItem } from '@svara/pipeline';
import { AUTOMATIC_MAIL_THREAD, normalizeEmail } from './email-normalizer';
import type { EmailItem } from './email-item';

const CORPUS = path.resolve(__dirname, '../../../../test/fixtures/email');
const MAILBOX = 'kommun@kommun.test';
const INTERNAL_DATE = '2026-11-21T06:00:00.000Z';

function itemOf(source: Buffer | string): EmailItem {
  const raw = Buffer.from(source);
  return {
    mailbox: 'INBOX',
    uidValidity: '1',
    uid: 1,
    internalDate: INTERNAL_DATE,
    size: raw.length,
    raw: raw.toString('base64'),
  };
}

const normalized = (file: string) =>
  normalizeEmail(itemOf(readFileSync(path.join(CORPUS, file))), MAILBOX);

describe('normalizeEmail', () => {
  it('decodes encoded-word subjects and names in UTF-8, ISO-8859-1 and base64', async () => {
    expect((await normalized('01-plain-utf8.eml')).subject).toBe('Sophämtning på Björkvägen');
    const latin1 = await normalized('02-iso-8859-1-qp.eml');
    expect(latin1.subject).toBe('Fråga om bygglov för förråd');
    expect(latin1.contact).toEqual({
      type: 'EMAIL',
      scope: 'global',
      value: 'asa.oberg@medborgare.test',
      displayName: 'Åsa Öberg',
      email: 'asa.oberg@medborgare.test',
    });
    expect(latin1.text).toContain('när får jag svar på min ansökan');
    const norwegian = await normalized('04-norwegian-base64.eml');
    expect(norwegian.subject).toBe('Søknad om støtte – særskilt');
    expect(norwegian.authorName).toBe('Øystein Ærø');
    expect(norwegian.text).toContain('særskilt tilrettelegging for sønnen');
  });

  it('reads Windows-1252 mail that claims to be ISO-8859-1', async () => {
    const message = await normalized('03-windows-1252-mislabelled.eml');
    expect(message.subject).toBe('Faktura – förskola');
    expect(message.text).toContain('“Förskola november” är 1\u00a0200 € – stämmer det?');
  });

  it('keeps the plain part of multipart/alternative and sanitizes the HTML part', async () => {
    const message = await normalized('05-multipart-alternative.eml');
    expect(message.text).toBe('Gatlampan utanför Storgatan 4 har varit släckt i en vecka.');
    expect(message.html).toContain('<b>Storgatan 4</b>');
    expect(message.html).toContain('href="https://karta.kommun.test/?q=storgatan"');
    for (const unsafe of [
      '<script',
      'alert',
      'onload',
      'onclick',
      'javascript:',
      'tracker.example',
      '<iframe',
      '<style',
    ])
      expect(message.html).not.toContain(unsafe);
  });

  it('derives text from HTML-only mail', async () => {
    const message = await normalized('06-html-only.eml');
    expect(message.text).toBe(
      'Hej!\nJag vill boka Folkets hus den 5 december för en förening.\nOlof',
    );
  });

  it('describes inline images and attachments, and keeps cid: images in the HTML', async () => {
    const inline = await normalized('07-inline-image.eml');
    expect(inline.html).toContain('src="cid:bank-photo@medborgare.test"');
    expect(inline.attachments).toEqual([
      {
        filename: 'bank.png',
        contentType: 'image/png',
        size: 66,
        contentId: 'bank-photo@medborgare.test',
      },
    ]);
    const pdf = await normalized('08-attachment-pdf.eml');
    expect(pdf.attachments).toEqual([
      { filename: 'Ansökan bygglov.pdf', contentType: 'application/pdf', size: 3016 },
    ]);
  });

  it("keeps a citizen's mails together by the conversation's first Message-ID, whatever order they are stored in", async () => {
    const start = await normalized('09-thread-start.eml');
    const reply = await normalized('11-thread-references-only.eml');
    const answerFromMailbox = await normalized('12-outbound-from-mailbox.eml');
    expect(start.threadExternalId).toBe('thread-1@medborgare.test erik@medborgare.test');
    expect(reply.threadExternalId).toBe(start.threadExternalId);
    expect(answerFromMailbox.threadExternalId).toBe(start.threadExternalId);
  });

  it('threads by In-Reply-To and References, nearest first', async () => {
    expect((await normalized('09-thread-start.eml')).references).toEqual([]);
    expect((await normalized('10-thread-reply.eml')).references).toEqual([
      'thread-1@medborgare.test',
    ]);
    expect((await normalized('11-thread-references-only.eml')).references).toEqual([
      'thread-1-reply-1@medborgare.test',
      'thread-1@medborgare.test',
    ]);
  });

  it("follows Svara's thread token when a mail program dropped the headers", async () => {
    const message = await normalized('20-subject-token.eml');
    expect(message.references).toEqual(['svara.abcdefghijkl@kommun.test']);
    expect(message.threadExternalId).toBe('webmail.20@medborgare.test erik@medborgare.test');
  });

  it('never guesses a thread from the subject alone', async () => {
    const stranger = await normalized('19-same-subject-stranger.eml');
    expect(stranger.references).toEqual([]);
    expect(stranger.threadExternalId).toBe('stranger.19@annan.test helena@annan.test');
  });

  it('treats mail from the mailbox itself as outbound, with the recipient as contact', async () => {
    const message = await normalized('12-outbound-from-mailbox.eml');
    expect(message.direction).toBe('OUTBOUND');
    expect(message.contact?.value).toBe('erik@medborgare.test');
    expect(message.automatic).toBe(false);
  });

  it.each([
    ['13-out-of-office.eml', ['svara.abcdefghijkl@kommun.test']],
    ['14-bounce-dsn.eml', ['svara.abcdefghijkl@kommun.test']],
    ['15-bounce-no-message-id.eml', []],
    ['16-mailing-list.eml', []],
    ['23-read-receipt.eml', []],
  ])('recognises %s as automatic: no contact, no thread of its own', async (file, references) => {
    const message = await normalized(file);
    expect(message.automatic).toBe(true);
    expect(message.contact).toBeUndefined();
    expect(message.threadExternalId).toBe(AUTOMATIC_MAIL_THREAD);
    expect(message.references).toEqual(references);
  });

  it('gives mail without a Message-ID a stable id derived from its content', async () => {
    const first = await normalized('17-no-message-id.eml');
    const again = await normalized('17-no-message-id.eml');
    expect(first.externalId).toMatch(/^[0-9a-f]{40}@derived\.svara\.invalid$/);
    expect(again.externalId).toBe(first.externalId);
  });

  it('sets quoted history and signatures apart from the new text', async () => {
    const swedish = await normalized('11-thread-references-only.eml');
    expect(swedish.text).toBe('Hon heter Greta Svensson.');
    expect(swedish.quotedText).toContain('skrev Erik Svensson');
    const outlook = await normalized('21-outlook-swedish-quote.eml');
    expect(outlook.text).toBe('Nu lyser den igen, tack!');
    expect(outlook.quotedText).toContain('Karin Berg\nStorgatan 4');
    expect(outlook.quotedText).toContain('Vi skickar en elektriker.');
    const finnish = await normalized('22-finnish-quote.eml');
    expect(finnish.text).toBe('Kiitos vastauksesta, käyn toimistolla ensi viikolla.');
    expect(finnish.quotedText).toContain('Päivähoitopaikka on vahvistettu.');
  });

  it('survives broken headers: bad date, unknown charset, unbalanced quotes', async () => {
    const message = await normalized('18-broken-headers.eml');
    expect(message.externalId).toBe('broken.18@medborgare.test');
    expect(message.sentAt).toEqual(new Date(INTERNAL_DATE));
    expect(message.contact?.value).toBe('sigrid@medborgare.test');
    expect(message.text).toContain('Ett träd har fallit över gångvägen vid skolan.');
  });

  it('stores a mail with no body', async () => {
    const message = await normalized('24-empty-body.eml');
    expect(message.text).toBe('');
    expect(message.subject).toBe('Ring mig om bygglovet');
  });

  it('notes when only the first part of a very large mail was kept', async () => {
    const item = {
      ...itemOf(readFileSync(path.join(CORPUS, '01-plain-utf8.eml'))),
      size: 31_000_000,
      truncated: true,
    };
    expect((await normalizeEmail(item, MAILBOX)).text).toMatch(/only its first part was stored/);
  });

  it('refuses an item that is not a stored mail', async () => {
    await expect(normalizeEmail({ uid: 1 }, MAILBOX)).rejects.toThrow(
      new UnusableItem('mail item has no source'),
    );
  });
});
