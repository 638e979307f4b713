import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { InboundBatches } from '@svara/pipeline';
import { webhookItems } from './webhook-events';

/**
 * A signed webhook delivery from Meta: its items, grouped by the Page or
 * Instagram account they are for, are stored as raw items of every enabled
 * channel of that account, for the same ingest as polls.
 */
@Injectable()
export class MetaWebhookIntake {
  constructor(
    private readonly prisma: PrismaService,
    private readonly batches: InboundBatches,
  ) {}

  /** How many items were stored (an item for two channels of one account counts twice). */
  async store(body: unknown, correlationId: string): Promise<number> {
    let stored = 0;
    for (const group of webhookItems(body)) {
      const channels = await this.prisma.channel.findMany({
        where: {
          type: group.channelType,
          enabled: true,
          config: { path: [group.configKey], equals: group.ownerId },
        },
        select: { id: true },
      });
      for (const channel of channels) {
        await this.batches.accept(channel.id, 'WEBHOOK', group.items, correlationId);
        stored += group.items.length;
      }
    }
    return stored;
  }
}
