import { Injectable } from '@nestjs/common';
import type { Channel } from '@svara/database';
import { Mailer, MailNotConfigured } from '@svara/notifications';
import { type NormalizedMessage, UnusableItem } from '@svara/pipeline';
import type {
  ChannelAdapter,
  ChannelContext,
  ChannelSettings,
  OutgoingMessage,
  SendResult,
} from '../channel-adapter';
import { ChannelAuthFailed, SendRefused } from '../channel-errors';
import { EmailAdapter } from '../email/email.adapter';
import { ChannelHealthRecorder } from '../polling/channel-health';
import { ReplyMailboxes } from './reply-mailboxes';
import { webFormReplyMail } from './web-form-reply';
import { replyChannelIdOf, webFormSettings } from './web-form-settings';
import type { WebFormItem } from './web-form-item';
import { mailAttachmentsOf } from '../sending/mail-attachments';

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** An SMTP reply code that says the mail will never be accepted as it is. */
const isPermanentRefusal = (error: unknown) =>
  typeof (error as { responseCode?: unknown }).responseCode === 'number' &&
  (error as { responseCode: number }).responseCode >= 500;

/**
 * Each submission opens its own thread, with the submitter known by e-mail
 * address; replies go to that address by e-mail: through the e-mail channel
 * the form names (config.replyChannelId), so the citizen can answer them,
 * else from MAIL_FROM over SMTP_URL.
 */
@Injectable()
export class WebFormAdapter implements ChannelAdapter {
  readonly channelType = 'WEB_FORM' as const;

  constructor(
    private readonly mailer: Mailer,
    private readonly email: EmailAdapter,
    private readonly mailboxes: ReplyMailboxes,
    private readonly health: ChannelHealthRecorder,
  ) {}

  async send(context: ChannelContext, message: OutgoingMessage): Promise<SendResult> {
    const mailboxId = replyChannelIdOf(context.config);
    if (mailboxId) return this.sendThroughMailbox(mailboxId, message);
    try {
      const sent = await this.mailer.send({
        ...webFormReplyMail(message, this.mailer.from),
        attachments: await mailAttachmentsOf(message.files),
      });
      return { externalId: sent.messageId, sentAt: new Date() };
    } catch (error) {
      if (error instanceof MailNotConfigured) throw new SendRefused(error.message);
      if (isPermanentRefusal(error)) {
        throw new SendRefused(`The mail server refused the reply: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /** The reply is a mail: any file the limits admit goes as its attachment. */
  fileRefusal(): string | null {
    return null;
  }

  /**
   * As the mailbox answers its own mail: from its address with the thread
   * token, filed in its Sent folder. A refused login is the mailbox's
   * problem, shown on its channel; the form's reply fails with the reason.
   */
  private async sendThroughMailbox(
    mailboxId: string,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    const mailbox = await this.mailboxes.contextOf(mailboxId);
    try {
      return await this.email.send(mailbox, message);
    } catch (error) {
      if (!(error instanceof ChannelAuthFailed)) throw error;
      await this.health.authFailed(mailboxId, error);
      throw new SendRefused(`The mailbox "${mailbox.channel.name}": ${error.message}`);
    }
  }

  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
    return webFormSettings(settings);
  }

  normalize(raw: unknown, _channel: Channel): NormalizedMessage {
    const item = raw as Partial<WebFormItem> | null;
    if (!item || typeof item !== 'object') throw new UnusableItem('submission is not an object');
    for (const field of ['id', 'submittedAt', 'name', 'email', 'message'] as const) {
      if (!isNonEmptyString(item[field])) throw new UnusableItem(`submission has no ${field}`);
    }
    const sentAt = new Date(item.submittedAt!);
    if (Number.isNaN(sentAt.getTime())) throw new UnusableItem('submittedAt is not a date');
    const email = item.email!.trim().toLowerCase();
    const name = item.name!.trim();
    return {
      externalId: item.id!,
      threadExternalId: item.id!,
      subject: item.subject?.trim() || undefined,
      direction: 'INBOUND',
      contact: { type: 'EMAIL', scope: 'global', value: email, displayName: name, email },
      authorName: name,
      authorAddress: email,
      text: item.message!,
      attachments: [],
      automatic: false,
      sentAt,
    };
  }
}
