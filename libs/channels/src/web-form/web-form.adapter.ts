import { Injectable } from '@nestjs/common';
import type { Channel } from '@svara/database';
import { type NormalizedMessage, UnusableItem } from '@svara/pipeline';
import type { ChannelAdapter, ChannelSettings } from '../channel-adapter';
import { webFormSettings } from './web-form-settings';
import type { WebFormItem } from './web-form-item';

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** Each submission opens its own thread, with the submitter known by e-mail address. */
@Injectable()
export class WebFormAdapter implements ChannelAdapter {
  readonly channelType = 'WEB_FORM' as const;

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
