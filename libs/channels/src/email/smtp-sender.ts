import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { ChannelContext, OutgoingMessage, SendResult } from '../channel-adapter';
import { ChannelAuthFailed, SendRefused } from '../channel-errors';
import { mailAttachmentsOf } from '../sending/mail-attachments';
import { type EmailConfig, type EmailSecrets, storedEmailSettings } from './email-settings';
import { DERIVED_ID_SUFFIX } from './message-ids';
import { outgoingMessageId, replySubject, threadToken } from './thread-token';

/** References kept in a reply: the thread's first message and the most recent ones. */
const MAX_REFERENCES = 20;

export function smtpTransportOptions(
  config: EmailConfig,
  secrets: EmailSecrets,
): SMTPTransport.Options {
  return {
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    requireTLS: !config.smtpSecure && config.smtpRequireTls,
    auth: secrets.smtpUser ? { user: secrets.smtpUser, pass: secrets.smtpPassword } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

const bracketed = (id: string) => `<${id}>`;

/**
 * A stored external id that is a mail's Message-ID, without its brackets; not
 * a web-form submission's id, nor one Svara derived for mail that had none.
 */
function asMessageId(id: string | undefined): string | undefined {
  const bare = id?.replace(/^<|>$/g, '');
  return bare?.includes('@') && !bare.endsWith(DERIVED_ID_SUFFIX) ? bare : undefined;
}

function referencesOf(ids: string[]): string[] {
  const real = ids.flatMap((id) => asMessageId(id) ?? []);
  if (real.length <= MAX_REFERENCES) return real;
  return [real[0]!, ...real.slice(-(MAX_REFERENCES - 1))];
}

/** A reply as it went out: what the channel stores, and the mail itself, byte for byte. */
export interface SentReply extends SendResult {
  sentAt: Date;
  raw: Buffer;
}

/**
 * An agent's reply, from the channel's own address, threaded for the
 * citizen's mail program (In-Reply-To, References) and for Svara (its
 * Message-ID is the stored message's external id; the subject carries the
 * thread token). It is a person's answer: no Auto-Submitted header. The mail
 * is composed once, so the copy filed in the Sent folder is the one sent.
 */
export async function sendReply(
  context: ChannelContext,
  message: OutgoingMessage,
): Promise<SentReply> {
  const { config, secrets } = storedEmailSettings(context);
  const to =
    message.lastInbound?.authorAddress ??
    (message.recipient?.type === 'EMAIL' ? message.recipient.value : undefined);
  if (!to) throw new SendRefused('The thread has no e-mail address to reply to');

  const token = threadToken(message.messageId);
  const messageId = outgoingMessageId(token, config.address);
  const references = referencesOf(message.threadExternalIds);
  const parent = asMessageId(message.lastInbound?.externalId);
  const sentAt = new Date();
  const raw = await new MailComposer({
    from: { name: context.channel.name, address: config.address },
    to,
    subject: replySubject(message.thread.subject, token),
    text: message.text,
    attachments: await mailAttachmentsOf(message.files),
    date: sentAt,
    messageId: bracketed(messageId),
    ...(parent && { inReplyTo: bracketed(parent) }),
    ...(references.length > 0 && { references: references.map(bracketed) }),
  })
    .compile()
    .build();
  const transport = nodemailer.createTransport(smtpTransportOptions(config, secrets));
  try {
    await transport.sendMail({ envelope: { from: config.address, to }, raw });
  } catch (error) {
    throw smtpError(error);
  } finally {
    transport.close();
  }
  return { externalId: messageId, sentAt, raw };
}

export async function verifySmtp(context: ChannelContext): Promise<void> {
  const { config, secrets } = storedEmailSettings(context);
  const transport = nodemailer.createTransport(smtpTransportOptions(config, secrets));
  try {
    await transport.verify();
  } catch (error) {
    throw smtpError(error);
  } finally {
    transport.close();
  }
}

function smtpError(error: unknown): unknown {
  const details = error as { code?: string; responseCode?: number; message?: string };
  if (details.code === 'EAUTH')
    return new ChannelAuthFailed('The SMTP server refused the user name or password');
  if (details.code === 'ETLS' || /STARTTLS/i.test(details.message ?? ''))
    return new ChannelAuthFailed('No secure connection to the SMTP server');
  // 5xx: the server will not take this mail, however often it is asked.
  if (details.responseCode && details.responseCode >= 500 && details.responseCode < 600)
    return new SendRefused(`The SMTP server refused the mail: ${details.message ?? ''}`.trim());
  return error;
}
