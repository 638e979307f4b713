import type { Email } from 'postal-mime';
import { messageIdOf } from './message-ids';

export type AutomaticKind = 'auto-reply' | 'bounce' | 'receipt' | 'list';

const header = (email: Email, key: string) =>
  email.headers.find((h) => h.key === key)?.value.trim();
const has = (email: Email, key: string) => email.headers.some((h) => h.key === key);

/**
 * Whether a mail was sent by a machine rather than a person (RFC 3834 and the
 * common extra signs). Such mail is stored but never answered, never counts
 * as the citizen's reply, and never opens a thread of its own.
 */
export function automaticKindOf(email: Email): AutomaticKind | undefined {
  const contentType = (header(email, 'content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/report')) {
    return /report-type\s*=\s*"?disposition-notification/.test(contentType) ? 'receipt' : 'bounce';
  }
  if (email.returnPath !== undefined && email.returnPath.replace(/[<>\s]/g, '') === '')
    return 'bounce';
  const from = email.from?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)@/.test(from)) return 'bounce';

  const autoSubmitted = header(email, 'auto-submitted')?.toLowerCase();
  if (autoSubmitted && autoSubmitted.split(';')[0]!.trim() !== 'no') return 'auto-reply';
  if (
    ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'x-loop'].some((k) =>
      has(email, k),
    )
  )
    return 'auto-reply';
  const precedence = header(email, 'precedence')?.toLowerCase();
  if (precedence === 'auto_reply') return 'auto-reply';
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'list';
  if (has(email, 'list-id') || has(email, 'list-unsubscribe')) return 'list';
  return undefined;
}

const EMBEDDED_HEADERS = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
]);

/** The Message-ID of the mail a bounce reports on, from its returned copy or headers. */
export function bouncedMessageId(email: Email): string | undefined {
  for (const attachment of email.attachments) {
    if (!EMBEDDED_HEADERS.has(attachment.mimeType)) continue;
    const content =
      typeof attachment.content === 'string'
        ? attachment.content
        : new TextDecoder().decode(attachment.content);
    const headerEnd = content.search(/\r?\n\r?\n/);
    const headers = (headerEnd >= 0 ? content.slice(0, headerEnd) : content).replace(
      /\r?\n[ \t]+/g,
      ' ',
    );
    const id = messageIdOf(/^message-id\s*:(.*)$/im.exec(headers)?.[1]);
    if (id) return id;
  }
  return undefined;
}
