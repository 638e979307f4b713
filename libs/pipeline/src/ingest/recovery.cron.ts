import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LeasedSchedules } from '../queues/leased-schedules';
import { PendingAttachments } from '../attachments/pending-attachments.service';
import { OutboundMessages } from '../outbound/outbound-messages.service';
import { InboundBatches } from './inbound-batches.service';

const SWEEP_EVERY_MS = 5_000;
/**
 * Work younger than this is left alone: its job is most likely being queued
 * right now. Older work is re-queued only when its job is missing from Redis,
 * so a short delay is safe.
 */
const STALE_AFTER_MS = 10_000;

/** Scheduler: re-queue accepted work whose jobs were lost. One replica at a time. */
@Injectable()
export class InboundRecoveryCron implements OnApplicationBootstrap {
  constructor(
    private readonly schedules: LeasedSchedules,
    private readonly batches: InboundBatches,
    private readonly outbound: OutboundMessages,
    private readonly attachments: PendingAttachments,
  ) {}

  onApplicationBootstrap(): void {
    this.schedules.every('inbound-recovery', SWEEP_EVERY_MS, () => this.sweep());
  }

  async sweep(): Promise<void> {
    await this.batches.requeueStale(STALE_AFTER_MS);
    await this.outbound.requeueStale(STALE_AFTER_MS);
    await this.attachments.requeueStale(STALE_AFTER_MS);
  }
}
