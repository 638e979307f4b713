/**
 * At most `size` pieces of work at a time; the rest wait their turn, first
 * come first served, except that work asked for `ahead` goes before all that
 * waits (the next page of a list, which the reads after it depend on). The size can change while work runs: a smaller size lets
 * what runs finish and starts nothing new until it is below the size.
 */
export class RequestSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('RequestSlots needs a size ≥ 1');
  }

  get limit(): number {
    return this.size;
  }

  /** Work running now. */
  get busy(): number {
    return this.running;
  }

  resize(size: number): void {
    this.size = Math.max(1, Math.floor(size));
    this.startWaiting();
  }

  /** Waits for a slot; the caller must call the returned release once, when done. */
  async acquire(ahead = false): Promise<() => void> {
    if (this.running >= this.size || this.waiting.length > 0) {
      await new Promise<void>((resolve) =>
        ahead ? this.waiting.unshift(resolve) : this.waiting.push(resolve),
      );
    } else {
      this.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.startWaiting();
    };
  }

  async run<T>(work: () => Promise<T>, ahead = false): Promise<T> {
    const release = await this.acquire(ahead);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private startWaiting(): void {
    while (this.running < this.size && this.waiting.length > 0) {
      this.running += 1;
      this.waiting.shift()!();
    }
  }
}
