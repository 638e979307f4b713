import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@svara/config';

/** The process's shared Redis connection for everything but BullMQ (which keeps its own). */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  private readonly prefix: string;

  constructor(config: AppConfig) {
    super(config.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.prefix = config.redisPrefix;
    // Connection errors are retried by ioredis and surfaced through /health.
    this.on('error', () => undefined);
  }

  /** A key in Svara's namespace (REDIS_PREFIX), e.g. key('lease', 'poll-scheduler'). */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}
