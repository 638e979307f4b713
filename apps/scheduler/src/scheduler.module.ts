import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ChannelsModule } from '@svara/channels';
import { type AppConfig, ConfigModule } from '@svara/config';
import { EscalationModule } from '@svara/escalation';
import { DatabaseModule } from '@svara/database';
import { LoggingModule } from '@svara/logging';
import { MetricsModule } from '@svara/metrics';
import { LeasedSchedulesModule, QueuesModule } from '@svara/pipeline';
import { RecordsModule } from '@svara/records';
import { RetentionModule } from '@svara/retention';
import { SecretsModule } from '@svara/secrets';
import { BlobsModule } from '@svara/blobs';

export function schedulerModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('scheduler'),
      MetricsModule.forRoot('scheduler'),
      DatabaseModule,
      SecretsModule,
      BlobsModule,
      QueuesModule,
      ScheduleModule.forRoot(),
      LeasedSchedulesModule,
      ChannelsModule.forScheduler(),
      EscalationModule.forScheduler(),
      RetentionModule.forScheduler(),
      RecordsModule.forScheduler(),
    ],
  })
  class SchedulerModule {}
  return SchedulerModule;
}
