import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import { SvaraMetrics } from '@svara/metrics';

/** Open threads past a deadline, for the breach-backlog alert (scheduler only). */
@Injectable()
export class SlaBacklogMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: SvaraMetrics,
    private readonly prisma: PrismaService,
  ) {}

  onModuleInit(): void {
    this.metrics.scrapedGauge({
      name: 'svara_open_threads_breached',
      help: 'Threads not closed whose SLA is breached (read at most every 30 s)',
      labelNames: [],
      maxAgeMs: 30_000,
      read: async () => [
        {
          labels: {},
          value: await this.prisma.thread.count({
            where: { slaState: 'BREACHED', status: { not: 'CLOSED' } },
          }),
        },
      ],
    });
  }
}
