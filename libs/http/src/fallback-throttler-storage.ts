import { Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';

type Increment = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate limits counted in a shared store (Redis, so every API replica counts
 * together), and in this process while that store cannot be reached: an
 * outage lowers the limits' precision, never lifts them.
 */
export class FallbackThrottlerStorage implements ThrottlerStorage {
  private readonly log = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(
    private readonly shared: ThrottlerStorage,
    /** False while the shared store is known to be down: counting goes local at once. */
    private readonly sharedIsUp: () => boolean,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<Increment> {
    if (this.sharedIsUp()) {
      try {
        const counted = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
        if (this.degraded) this.log.log('rate limits are counted in Redis again');
        this.degraded = false;
        return counted;
      } catch (error) {
        this.goLocal((error as Error).message);
      }
    } else {
      this.goLocal('not connected');
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  private goLocal(reason: string): void {
    if (!this.degraded) {
      this.log.warn({ err: reason }, 'rate limit store unavailable; counting in this process');
    }
    this.degraded = true;
  }
}
