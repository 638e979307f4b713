import { Module } from '@nestjs/common';
import { ChannelsModule } from '@svara/channels';
import { type AppConfig, ConfigModule } from '@svara/config';
import { EscalationModule } from '@svara/escalation';
import { DatabaseModule } from '@svara/database';
import { LoggingModule } from '@svara/logging';
import { QueuesModule } from '@svara/pipeline';
import { RecordsModule } from '@svara/records';
import { RetentionModule } from '@svara/retention';
import { SecretsModule } from '@svara/secrets';

export function workerModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('worker'),
      DatabaseModule,
      SecretsModule,
      QueuesModule,
      ChannelsModule.forWorker(),
      EscalationModule.forWorker(),
      RetentionModule.forWorker(),
      RecordsModule.forWorker(),
    ],
  })
  class WorkerModule {}
  return WorkerModule;
}
