import EmailReplyParser from 'email-reply-parser';

/**
 * Quote headers the parser does not know: Outlook's Nordic header blocks
 * ("Från: … / Skickat: …") and Finnish "… kirjoitti:" on any weekday.
 */
const NORDIC_QUOTE_HEADERS = [
  /^\s*(Från|Fra|Lähettäjä|From)\s*:.*\n\s*(Skickat|Sendt|Lähetetty|Sent|Datum|Dato|Päivämäärä|Date)\s*:/m,
  /^.{0,200}\skirjoitti:\s*$/m,
];

export interface SplitText {
  /** What the author just wrote. */
  text: string;
  /** Quoted history and signature, if any. */
  quoted?: string;
}

/** Sets quoted history and signatures apart from what the author just wrote. */
export function splitQuoted(body: string): SplitText {
  const normalized = body.replace(/\r\n?/g, '\n');
  let head = normalized;
  let tail = '';
  for (const pattern of NORDIC_QUOTE_HEADERS) {
    const match = pattern.exec(head);
    if (match && match.index > 0) {
      tail = head.slice(match.index) + tail;
      head = head.slice(0, match.index);
    }
  }
  const parsed = new EmailReplyParser().read(head);
  const visible = parsed.getVisibleText().trim();
  if (!visible) return { text: normalized.trim() };
  const hidden = parsed
    .getFragments()
    .filter((fragment) => fragment.isHidden())
    .map((fragment) => fragment.getContent())
    .join('\n');
  const quoted = [hidden, tail]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
  return quoted ? { text: visible, quoted } : { text: visible };
}
