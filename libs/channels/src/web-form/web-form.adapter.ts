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
import { SendRefused } from '../channel-errors';
import { webFormReplyMail } from './web-form-reply';
import { webFormSettings } from './web-form-settings';
import type { WebFormItem } from './web-form-item';

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** An SMTP reply code that says the mail will never be accepted as it is. */
const isPermanentRefusal = (error: unknown) =>
  typeof (error as { responseCode?: unknown }).responseCode === 'number' &&
  (error as { responseCode: number }).responseCode >= 500;

/**
 * Each submission opens its own thread, with the submitter known by e-mail
 * address; replies go to that address by e-mail (SMTP_URL).
 */
@Injectable()
export class WebFormAdapter implements ChannelAdapter {
  readonly channelType = 'WEB_FORM' as const;

  constructor(private readonly mailer: Mailer) {}

  async send(_context: ChannelContext, message: OutgoingMessage): Promise<SendResult> {
    try {
      const sent = await this.mailer.send(webFormReplyMail(message));
      return { externalId: sent.messageId, sentAt: new Date() };
    } catch (error) {
      if (error instanceof MailNotConfigured) throw new SendRefused(error.message);
      if (isPermanentRefusal(error)) {
        throw new SendRefused(`The mail server refused the reply: ${(error as Error).message}`);
      }
      throw error;
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
