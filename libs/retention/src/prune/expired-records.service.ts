import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { PrismaService } from '@svara/database';

const DAY_MS = 24 * 3600_000;
const ACCESS_ENTRIES_PER_DELETE = 5_000;
// Raw batches can hold whole e-mails with attachments: fewer per statement.
const BATCHES_PER_DELETE = 100;

export interface PrunedCounts {
  accessEntries: number;
  rawBatches: number;
}

/**
 * Deletes what Svara keeps only for a while: access-log entries older than
 * ACCESS_LOG_RETENTION_DAYS, and raw inbound items normalized more than
 * RAW_INBOUND_RETENTION_DAYS ago (the messages they became stay).
 */
@Injectable()
export class ExpiredRecords {
  private readonly logger = new Logger(ExpiredRecords.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async prune(now = new Date()): Promise<PrunedCounts> {
    const accessBefore = new Date(now.getTime() - this.config.retention.accessLogDays * DAY_MS);
    const rawBefore = new Date(now.getTime() - this.config.retention.rawInboundDays * DAY_MS);
    const accessEntries = await this.deleteInSlices(
      () => this.prisma.$executeRaw`
        DELETE FROM thread_access_log WHERE id IN (
          SELECT id FROM thread_access_log WHERE "openedAt" < ${accessBefore}
          LIMIT ${ACCESS_ENTRIES_PER_DELETE})`,
    );
    const rawBatches = await this.deleteInSlices(
      () => this.prisma.$executeRaw`
        DELETE FROM inbound_batches WHERE id IN (
          SELECT id FROM inbound_batches
          WHERE status = 'DONE' AND "processedAt" < ${rawBefore}
          LIMIT ${BATCHES_PER_DELETE})`,
    );
    const counts = { accessEntries, rawBatches };
    this.logger.log(counts, 'expired records pruned');
    return counts;
  }

  private async deleteInSlices(deleteSlice: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let deleted = await deleteSlice(); deleted > 0; deleted = await deleteSlice()) {
      total += deleted;
    }
    return total;
  }
}
