import { Injectable, Logger } from '@nestjs/common';
import type { Channel } from '@svara/database';
import type { NormalizedMessage } from '@svara/pipeline';
import type {
  ChannelAdapter,
  ChannelContext,
  ChannelSettings,
  OutgoingMessage,
  PollResult,
  SendResult,
} from '../channel-adapter';
import { emailSettings, storedEmailSettings } from './email-settings';
import { normalizeEmail } from './email-normalizer';
import { withImap } from './imap-connection';
import { readMailboxPage } from './imap-poller';
import { sendReply, verifySmtp } from './smtp-sender';

/** A shared mailbox: read over IMAP from a UID cursor, answered over SMTP. */
@Injectable()
export class EmailAdapter implements ChannelAdapter {
  readonly channelType = 'EMAIL' as const;
  private readonly logger = new Logger(EmailAdapter.name);

  validateSettings(settings: { config: unknown; secrets: unknown }): ChannelSettings {
    return emailSettings(settings);
  }

  normalize(item: unknown, channel: Channel): Promise<NormalizedMessage> {
    const { address } = channel.config as { address: string };
    return normalizeEmail(item, address);
  }

  async poll(context: ChannelContext, cursor: unknown): Promise<PollResult> {
    const { config, secrets } = storedEmailSettings(context);
    const page = await withImap(config, secrets, (client) =>
      readMailboxPage(client, context.channel, config.mailbox, cursor),
    );
    if (page.uidValidityChanged) {
      this.logger.warn(
        { channelId: context.channel.id, mailbox: config.mailbox },
        'mailbox UIDVALIDITY changed; reading it again from the backfill date',
      );
    }
    return { items: page.items, cursor: page.cursor, hasMore: page.hasMore };
  }

  send(context: ChannelContext, message: OutgoingMessage): Promise<SendResult> {
    return sendReply(context, message);
  }

  async testConnection(context: ChannelContext): Promise<void> {
    const { config, secrets } = storedEmailSettings(context);
    await withImap(config, secrets, async (client) => {
      await client.mailboxOpen(config.mailbox, { readOnly: true });
    });
    await verifySmtp(context);
  }
}
