import { Inject, Injectable, Logger } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@svara/blobs';
import { UnreferencedBlobs } from './unreferenced-blobs.service';

/**
 * Younger blobs are left alone: ingest stores the bytes before it marks the
 * attachment STORED, so a blob written moments ago may not be named by any
 * row yet.
 */
export const SWEEP_GRACE_MS = 24 * 3600 * 1000;
const BATCH_SIZE = 500;

export interface SweepCounts {
  seen: number;
  removed: number;
}

/**
 * Removes the blobs no attachment references: bytes left behind when a
 * process stopped between deleting attachment rows (erasure, retention) and
 * removing their blobs, or between storing a download and recording it.
 */
@Injectable()
export class BlobSweep {
  private readonly logger = new Logger(BlobSweep.name);

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly unreferenced: UnreferencedBlobs,
  ) {}

  async sweep(now = new Date()): Promise<SweepCounts> {
    const writtenBefore = now.getTime() - SWEEP_GRACE_MS;
    const counts: SweepCounts = { seen: 0, removed: 0 };
    for await (const page of this.blobs.list()) {
      counts.seen += page.length;
      const old = page.filter((blob) => blob.modifiedAt.getTime() < writtenBefore);
      for (let start = 0; start < old.length; start += BATCH_SIZE) {
        const batch = old.slice(start, start + BATCH_SIZE).map((blob) => blob.key);
        counts.removed += (await this.unreferenced.remove(batch)).length;
      }
    }
    this.logger.log(counts, 'unreferenced blobs swept');
    return counts;
  }
}
