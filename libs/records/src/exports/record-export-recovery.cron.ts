import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LeasedSchedules } from '@svara/pipeline';
import { RecordExportQueue } from './record-export-queue.service';

const SWEEP_EVERY_MS = 5_000;
/** Younger exports are most likely having their job queued right now. */
const STALE_AFTER_MS = 10_000;

/** Scheduler: queue again the record exports whose jobs were lost. One replica at a time. */
@Injectable()
export class RecordExportRecoveryCron implements OnApplicationBootstrap {
  constructor(
    private readonly schedules: LeasedSchedules,
    private readonly exports: RecordExportQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('record-export-recovery', SWEEP_EVERY_MS, () =>
      this.exports.requeueStale(STALE_AFTER_MS),
    );
  }
}
