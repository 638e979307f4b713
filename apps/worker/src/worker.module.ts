import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ChannelsModule } from '@svara/channels';
import { type AppConfig, ConfigModule } from '@svara/config';
import { EscalationModule } from '@svara/escalation';
import { DatabaseModule } from '@svara/database';
import { LoggingModule } from '@svara/logging';
import { MetricsModule } from '@svara/metrics';
import { JobWorkers, QueueMetrics, QueuesModule } from '@svara/pipeline';
import { RecordsModule } from '@svara/records';
import { RetentionModule } from '@svara/retention';
import { SecretsModule } from '@svara/secrets';
import { BlobsModule } from '@svara/blobs';

export function workerModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('worker'),
      MetricsModule.forRoot('worker'),
      DatabaseModule,
      SecretsModule,
      BlobsModule,
      QueuesModule,
      ChannelsModule.forWorker(),
      EscalationModule.forWorker(),
      RetentionModule.forWorker(),
      RecordsModule.forWorker(),
    ],
    providers: [QueueMetrics],
  })
  class WorkerModule implements OnApplicationBootstrap {
    constructor(private readonly workers: JobWorkers) {}

    /** The root module starts last: by now every library has started its workers. */
    onApplicationBootstrap(): void {
      this.workers.assertEveryQueueConsumed();
    }
  }
  return WorkerModule;
}
