/**
 * The items of inbound batches this process has just stored, kept for a
 * short while so that its own ingest job can take them instead of reading
 * them back from Postgres and parsing them again. Only an optimisation: a
 * batch not here (stored by another process, taken already, evicted, or
 * retried) is read from Postgres, which always has it.
 */
export class FreshBatches {
  private readonly batches = new Map<string, { items: unknown[]; storedAt: number }>();

  constructor(
    /** At most this many batches are kept; more are not. */
    private readonly capacity: number,
    /** A batch not taken by then (its transaction rolled back, its job went elsewhere) is dropped. */
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(batchId: string, items: unknown[]): void {
    this.dropExpired();
    // When full the older batches stay: their jobs come first.
    if (this.batches.size < this.capacity) {
      this.batches.set(batchId, { items, storedAt: this.now() });
    }
  }

  /** The batch's items, once: later calls read Postgres. */
  take(batchId: string): unknown[] | undefined {
    const batch = this.batches.get(batchId);
    this.batches.delete(batchId);
    return batch && this.now() - batch.storedAt <= this.maxAgeMs ? batch.items : undefined;
  }

  private dropExpired(): void {
    const oldest = this.now() - this.maxAgeMs;
    for (const [batchId, { storedAt }] of this.batches) {
      if (storedAt < oldest) this.batches.delete(batchId);
    }
  }
}
