/**
 * A small fixed-window rate limiter in memory, per key. It protects one
 * process; a deployment with several replicas puts a limiter in front as
 * well (documented in docs/ARCHITECTURE.md). Old windows are swept lazily.
 */
export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    this.sweep(t);
    const w = this.windows.get(key);
    if (!w || t - w.startedAt >= this.rule.windowMs) {
      this.windows.set(key, { startedAt: t, count: 1 });
      return 0;
    }
    w.count += 1;
    if (w.count <= this.rule.limit) return 0;
    return Math.max(1, Math.ceil((w.startedAt + this.rule.windowMs - t) / 1000));
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = t;
    for (const [key, w] of this.windows) {
      if (t - w.startedAt >= this.rule.windowMs) this.windows.delete(key);
    }
  }
}
