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
import { appendToSentFolder } from './sent-folder';
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

  async send(context: ChannelContext, message: OutgoingMessage): Promise<SendResult> {
    const { raw, ...sent } = await sendReply(context, message);
    await this.fileInSentFolder(context, raw, sent.sentAt);
    return sent;
  }

  /** Any file the limits admit goes as an attachment of the mail. */
  fileRefusal(): string | null {
    return null;
  }

  /**
   * The reply has gone out by now: a Sent folder that cannot be reached must
   * not fail the send, or its retry would mail the citizen twice. It is logged.
   */
  private async fileInSentFolder(context: ChannelContext, raw: Buffer, sentAt: Date) {
    const { config, secrets } = storedEmailSettings(context);
    try {
      const folder = await appendToSentFolder(config, secrets, raw, sentAt);
      if (!folder) {
        this.logger.warn(
          { channelId: context.channel.id },
          'the mailbox marks no folder as Sent (SPECIAL-USE); the reply was sent but not filed',
        );
      }
    } catch (error) {
      this.logger.warn(
        { channelId: context.channel.id, err: error instanceof Error ? error.message : error },
        'the reply was sent, but its copy could not be filed in the Sent folder',
      );
    }
  }

  async testConnection(context: ChannelContext): Promise<void> {
    const { config, secrets } = storedEmailSettings(context);
    await withImap(config, secrets, async (client) => {
      await client.mailboxOpen(config.mailbox, { readOnly: true });
    });
    await verifySmtp(context);
  }
}
