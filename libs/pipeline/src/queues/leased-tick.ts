import type { Logger } from '@nestjs/common';
import type { LeaderLease } from './leader-lease';

/**
 * One scheduler tick's work, done by the replica holding the lease, never
 * twice at once in this process. A failure is logged and the next tick tries
 * again.
 */
export class LeasedTick {
  private running = false;

  constructor(
    private readonly lease: LeaderLease,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  async run(work: () => Promise<unknown>): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (await this.lease.acquire()) await work();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, `${this.what} failed`);
    } finally {
      this.running = false;
    }
  }

  /** On shutdown: another replica may take over at once. */
  async release(): Promise<void> {
    await this.lease.release().catch(() => undefined);
  }
}
