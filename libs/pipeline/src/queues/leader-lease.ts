import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

// Renew only while we still hold the lease; release only our own.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A lease in Redis that one of many scheduler replicas holds at a time. The
 * holder renews it on every tick; if it dies, another takes over after `ttlMs`.
 */
export class LeaderLease {
  private readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** True when this process holds the lease (acquiring or renewing it). */
  async acquire(): Promise<boolean> {
    const renewed = await this.redis.eval(RENEW, 1, this.key, this.token, this.ttlMs);
    if (renewed === 1) return true;
    return (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}
