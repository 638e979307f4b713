import { Injectable } from '@nestjs/common';
import { Conflict, InvalidInput } from '@svara/common';
import { type Channel, type ChannelType, type Prisma, PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import type { ChannelContext } from '../channel-adapter';
import { channelContext } from '../channel-adapters.service';
import { SendRefused } from '../channel-errors';
import { replyChannelIdOf } from './web-form-settings';

/** Why `channel` cannot send a web form's replies, or null when it can. */
export function replyMailboxProblem(channel: Pick<Channel, 'type'> | null): string | null {
  if (!channel) return 'there is no such channel';
  if (channel.type !== 'EMAIL') return `it is a ${channel.type} channel, not an e-mail channel`;
  return null;
}

/** Web forms whose replies go out through this mailbox (config.replyChannelId). */
const answeredThrough = (mailboxId: string): Prisma.ChannelWhereInput => ({
  type: 'WEB_FORM',
  config: { path: ['replyChannelId'], equals: mailboxId },
});

/**
 * The e-mail channels web forms answer through: an admin's choice checked
 * when it is saved, the mailbox opened for a reply, and a mailbox kept from
 * being deleted while a form answers through it.
 */
@Injectable()
export class ReplyMailboxes {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: SecretBox,
  ) {}

  /** Throws InvalidInput when a web form's settings name a channel that cannot send its replies. */
  async check(type: ChannelType, config: Record<string, unknown>): Promise<void> {
    const mailboxId = type === 'WEB_FORM' ? replyChannelIdOf(config) : undefined;
    if (!mailboxId) return;
    const channel = await this.prisma.channel.findUnique({
      where: { id: mailboxId },
      select: { type: true },
    });
    const problem = replyMailboxProblem(channel);
    if (problem) throw new InvalidInput(`config.replyChannelId: ${problem}`);
  }

  /** Throws Conflict while a web form answers through the channel. */
  async refuseRemoval(channel: Pick<Channel, 'id' | 'type'>, tx: Prisma.TransactionClient) {
    if (channel.type !== 'EMAIL') return;
    const form = await tx.channel.findFirst({
      where: answeredThrough(channel.id),
      select: { name: true },
    });
    if (form) {
      throw new Conflict(
        `The web form "${form.name}" sends its replies through this mailbox: choose another for it first`,
      );
    }
  }

  /** The mailbox, with its secrets, that sends a web form's reply. */
  async contextOf(mailboxId: string): Promise<ChannelContext> {
    const channel = await this.prisma.channel.findUnique({ where: { id: mailboxId } });
    const problem = replyMailboxProblem(channel);
    if (problem || !channel) {
      throw new SendRefused(`The mailbox this form replies through cannot send: ${problem}`);
    }
    return channelContext(channel, this.secrets);
  }
}
