import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SvaraMetrics } from '@svara/metrics';
import { QUEUES } from '../job-catalogue';
import { JobQueues } from './job-queues.service';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Jobs per queue and state, read from Redis when Prometheus scrapes (worker only). */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: SvaraMetrics,
    private readonly queues: JobQueues,
  ) {}

  onModuleInit(): void {
    this.metrics.scrapedGauge({
      name: 'svara_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      maxAgeMs: 0,
      read: async () => {
        const perQueue = await Promise.all(
          Object.values(QUEUES).map(async (queue) => {
            const counts = await this.queues.queue(queue).getJobCounts(...STATES);
            return STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 }));
          }),
        );
        return perQueue.flat();
      },
    });
  }
}
