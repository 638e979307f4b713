import { Module } from '@nestjs/common';
import { ChannelsModule } from '@svara/channels';
import { type AppConfig, ConfigModule } from '@svara/config';
import { DatabaseModule } from '@svara/database';
import { LoggingModule } from '@svara/logging';
import { PipelineModule } from '@svara/pipeline';

export function workerModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('worker'),
      DatabaseModule,
      PipelineModule.forWorker(ChannelsModule),
    ],
  })
  class WorkerModule {}
  return WorkerModule;
}
