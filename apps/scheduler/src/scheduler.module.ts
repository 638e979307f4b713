import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { type AppConfig, ConfigModule } from '@svara/config';
import { DatabaseModule } from '@svara/database';
import { LoggingModule } from '@svara/logging';
import { PipelineModule } from '@svara/pipeline';

export function schedulerModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('scheduler'),
      DatabaseModule,
      ScheduleModule.forRoot(),
      PipelineModule.forScheduler(),
    ],
  })
  class SchedulerModule {}
  return SchedulerModule;
}
