import type { OutgoingMail } from '@svara/notifications';
import type { OutgoingMessage } from '../channel-adapter';
import { SendRefused } from '../channel-errors';

/** A reply to a web-form submission is an e-mail to the address the citizen gave. */
export function webFormReplyMail(message: OutgoingMessage): OutgoingMail {
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
  };
}
