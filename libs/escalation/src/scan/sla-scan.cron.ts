import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { SvaraMetrics } from '@svara/metrics';
import { LeasedSchedules } from '@svara/pipeline';
import { SlaScan } from './sla-scan.service';

/** Scheduler: every SLA_SCAN_INTERVAL_SECONDS the replica holding the lease scans. */
@Injectable()
export class SlaScanCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaScanCron.name);

  constructor(
    private readonly config: AppConfig,
    private readonly schedules: LeasedSchedules,
    private readonly scanner: SlaScan,
    private readonly metrics: SvaraMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('sla-scan', this.config.slaScanIntervalSeconds * 1000, () => this.scan(), {
      logger: this.logger,
    });
  }

  async scan(): Promise<void> {
    const timed = this.metrics.slaScanDuration.startTimer();
    const result = await this.scanner.scan();
    timed();
    this.metrics.slaScanThreadsFound.inc(result.threads);
    this.metrics.slaScanLastRun.setToCurrentTime();
    if (result.threads > 0) this.logger.log(result, 'SLA scan');
  }
}
