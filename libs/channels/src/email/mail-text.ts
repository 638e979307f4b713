import { convert } from 'html-to-text';
import iconv from 'iconv-lite';

const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Windows-1252 mail labelled ISO-8859-1 is common; decoded as Latin-1 its
 * € – " " come out as C1 control characters, which real text never holds.
 * Read those bytes as Windows-1252 instead.
 */
export function repairWindows1252(value: string): string {
  return value.replace(C1_CONTROLS, (char) =>
    iconv.decode(Buffer.from([char.charCodeAt(0)]), 'windows-1252'),
  );
}

/** Plain text of an HTML-only mail, for the inbox and search. */
export function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}
