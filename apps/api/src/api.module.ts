import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AuthModule } from '@svara/auth';
import { ChannelsModule } from '@svara/channels';
import { AppConfig, ConfigModule } from '@svara/config';
import { EscalationModule } from '@svara/escalation';
import { DatabaseModule, RedisClient } from '@svara/database';
import { HealthController } from '@svara/http';
import { InboxModule } from '@svara/inbox';
import { LoggingModule } from '@svara/logging';
import { QueuesModule } from '@svara/pipeline';
import { SecretsModule } from '@svara/secrets';

export function apiModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('api'),
      DatabaseModule,
      SecretsModule,
      QueuesModule,
      ThrottlerModule.forRootAsync({
        inject: [AppConfig, RedisClient],
        useFactory: (appConfig: AppConfig, redis: RedisClient) => ({
          throttlers: [{ name: 'public', ttl: 60_000, limit: appConfig.formRateLimitPerMinute }],
          storage: new ThrottlerStorageRedisService(redis),
        }),
      }),
      AuthModule,
      ChannelsModule.forApi(),
      InboxModule,
      EscalationModule.forApi(),
    ],
    controllers: [HealthController],
  })
  class ApiModule {}
  return ApiModule;
}
