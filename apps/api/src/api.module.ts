import { createHash } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AuditApiModule } from '@svara/audit';
import { AuthModule } from '@svara/auth';
import { ChannelsModule } from '@svara/channels';
import { AppConfig, ConfigModule } from '@svara/config';
import { EscalationModule } from '@svara/escalation';
import { DatabaseModule, RedisClient } from '@svara/database';
import { GdprModule } from '@svara/gdpr';
import { FallbackThrottlerStorage, HealthController } from '@svara/http';
import { InboxModule } from '@svara/inbox';
import { LoggingModule } from '@svara/logging';
import { MetricsModule } from '@svara/metrics';
import { QueuesModule } from '@svara/pipeline';
import { QueueAdminModule } from '@svara/queue-admin';
import { RecordsModule } from '@svara/records';
import { RetentionModule } from '@svara/retention';
import { SecretsModule } from '@svara/secrets';
import { BlobsModule } from '@svara/blobs';
import { webAppModules } from './web-app.module';

export function apiModule(config: AppConfig) {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot('api'),
      MetricsModule.forRoot('api'),
      DatabaseModule,
      SecretsModule,
      BlobsModule,
      QueuesModule,
      ThrottlerModule.forRootAsync({
        inject: [AppConfig, RedisClient],
        useFactory: (appConfig: AppConfig, redis: RedisClient) => ({
          // Each rate-limited route skips the throttlers that are not its own.
          throttlers: [
            { name: 'public', ttl: 60_000, limit: appConfig.formRateLimitPerMinute },
            { name: 'login', ttl: 60_000, limit: appConfig.loginRateLimitPerMinute },
          ],
          // Counted in this process while Redis is down, so the limits hold through an outage.
          storage: new FallbackThrottlerStorage(
            new ThrottlerStorageRedisService(redis),
            () => redis.status === 'ready',
          ),
          // Keys in Svara's namespace; the client's address only as a hash.
          generateKey: (context, tracker, name) =>
            redis.key(
              'throttle',
              name,
              createHash('sha256')
                .update(`${context.getClass().name}.${context.getHandler().name}:${tracker}`)
                .digest('base64url'),
            ),
        }),
      }),
      AuthModule,
      AuditApiModule,
      ChannelsModule.forApi(),
      InboxModule,
      EscalationModule.forApi(),
      RetentionModule.forApi(),
      GdprModule,
      RecordsModule.forApi(),
      QueueAdminModule,
      ...webAppModules(config),
    ],
    controllers: [HealthController],
  })
  class ApiModule {}
  return ApiModule;
}
