import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '@svara/config';
import { RedisClient } from '@svara/database';
import { LeaderLease } from '@svara/pipeline';
import { SlaScan } from './sla-scan.service';

const INTERVAL_NAME = 'sla-scan';

/** Scheduler tick every SLA_SCAN_INTERVAL_SECONDS: the replica holding the lease scans. */
@Injectable()
export class SlaScanCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaScanCron.name);
  private readonly lease: LeaderLease;
  private readonly intervalMs: number;
  private running = false;

  constructor(
    config: AppConfig,
    redis: RedisClient,
    private readonly registry: SchedulerRegistry,
    private readonly scanner: SlaScan,
  ) {
    this.intervalMs = config.slaScanIntervalSeconds * 1000;
    // Long enough that a slow scan keeps it; short enough that a dead leader is replaced soon.
    this.lease = new LeaderLease(
      redis,
      redis.key('lease', 'sla-scan'),
      Math.max(this.intervalMs * 3, 10_000),
    );
  }

  onApplicationBootstrap(): void {
    this.registry.addInterval(
      INTERVAL_NAME,
      setInterval(() => void this.tick(), this.intervalMs),
    );
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (await this.lease.acquire()) {
        const result = await this.scanner.scan();
        if (result.threads > 0) this.logger.log(result, 'SLA scan');
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'SLA scan failed');
    } finally {
      this.running = false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL_NAME))
      this.registry.deleteInterval(INTERVAL_NAME);
    await this.lease.release().catch(() => undefined);
  }
}
