/** Entries kept at most: a flood of made-up addresses costs bounded memory, oldest dropped first. */
const MAX_ACCOUNTS = 10_000;

interface Count {
  failures: number;
  /** When the count's window ends (the first failure + the window). */
  resetAt: number;
  /** When a lock ends; 0 for none. */
  lockedUntil: number;
}

/**
 * AccountLock's rule counted in this process's memory, for while Redis is unreachable: the
 * limit-th failed password in a window locks the account for one window and starts the count
 * again; attempts during the lock are not counted.
 */
export class LocalAccountLocks {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the account stays locked; 0 when it is not. */
  lockedFor(email: string): number {
    const count = this.counts.get(email);
    return count ? Math.max(count.lockedUntil - this.now(), 0) : 0;
  }

  /** Counts a failure; answers the ms of the lock it started, 0 for none. */
  failed(email: string): number {
    const now = this.now();
    const previous = this.counts.get(email);
    const count =
      previous && previous.resetAt > now
        ? previous
        : { failures: 0, resetAt: now + this.windowMs, lockedUntil: previous?.lockedUntil ?? 0 };
    this.counts.delete(email); // set again last: the Map's order is the eviction order
    this.counts.set(email, count);
    this.evict();
    count.failures += 1;
    if (count.failures < this.limit) return 0;
    // Locked for one window; the count starts again after it.
    count.lockedUntil = now + this.windowMs;
    count.resetAt = now;
    count.failures = 0;
    return this.windowMs;
  }

  /** The right password clears the count (not a running lock: it was refused before checking). */
  succeeded(email: string): void {
    if (this.lockedFor(email) === 0) this.counts.delete(email);
  }

  private evict(): void {
    for (const email of this.counts.keys()) {
      if (this.counts.size <= MAX_ACCOUNTS) return;
      this.counts.delete(email);
    }
  }
}
