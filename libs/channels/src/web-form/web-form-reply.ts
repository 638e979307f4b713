import type { OutgoingMail } from '@svara/notifications';
import type { OutgoingMessage } from '../channel-adapter';
import { SendRefused } from '../channel-errors';

/** The domain of MAIL_FROM (`svara@kommun.se` or `Kommun <svara@kommun.se>`). */
const domainOf = (mailFrom: string) =>
  mailFrom
    .slice(mailFrom.lastIndexOf('@') + 1)
    .replace(/>.*$/, '')
    .trim()
    .toLowerCase() || 'localhost.localdomain';

/**
 * The Message-ID (without brackets) of a reply: the external id stored when
 * it was queued, in MAIL_FROM's domain, the same however often it is sent.
 * Once sent, the stored id is this Message-ID itself.
 */
export function replyMessageId(queuedExternalId: string, mailFrom: string): string {
  const id = queuedExternalId.replace(/^<|>$/g, '');
  return id.includes('@') ? id : `${id}@${domainOf(mailFrom)}`;
}

/** A reply to a web-form submission is an e-mail to the address the citizen gave. */
export function webFormReplyMail(message: OutgoingMessage, mailFrom: string): OutgoingMail {
  const to =
    message.recipient?.type === 'EMAIL'
      ? message.recipient.value
      : (message.lastInbound?.authorAddress ?? null);
  if (!to) throw new SendRefused('The submitter left no e-mail address to reply to');
  const subject = message.thread.subject?.trim();
  return {
    to,
    subject: subject ? `Re: ${subject}` : 'Svar på ditt meddelande',
    text: message.text,
    messageId: `<${replyMessageId(message.queuedExternalId, mailFrom)}>`,
  };
}
