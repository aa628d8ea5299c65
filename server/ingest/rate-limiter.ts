/**
 * Requests per second per ingest token, as a token bucket: a logger catching up after an
 * outage may burst to twice the rate, but one runaway client cannot starve the others.
 */
export class RateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: number): number {
    if (this.perSecond <= 0) return 0;
    const burst = this.perSecond * 2;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }
}
