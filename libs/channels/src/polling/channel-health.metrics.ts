import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { SvaraMetrics } from '@svara/metrics';

/** Enabled channels by health (OK, DEGRADED, UNHEALTHY), for the channel alert (scheduler only). */
@Injectable()
export class ChannelHealthMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: SvaraMetrics,
    private readonly prisma: PrismaService,
  ) {}

  onModuleInit(): void {
    this.metrics.scrapedGauge({
      name: 'svara_channels',
      help: 'Enabled channels by type and health (read at most every 30 s)',
      labelNames: ['channel_type', 'health'],
      maxAgeMs: 30_000,
      read: async () =>
        (
          await this.prisma.channel.groupBy({
            by: ['type', 'health'],
            where: { enabled: true },
            _count: { _all: true },
          })
        ).map((group) => ({
          labels: { channel_type: group.type, health: group.health },
          value: group._count._all,
        })),
    });
  }
}
