/**
 * Failed sign-ins per user name (`user:<name>`) and per client address (`address:<ip>`).
 * After the limit within the window, further tries wait until the oldest failure leaves
 * the window: a guesser gets a handful of tries per name per quarter hour, however many
 * addresses it uses, and a few dozen per address, however many names it tries. An address
 * gets more, as a desk's colleagues share it and mistype.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits = { user: 5, address: 20 },
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before the next try for these keys; 0 when a try is allowed. */
  waitSeconds(keys: readonly string[]): number {
    let waitMs = 0;
    for (const key of keys) {
      const recent = this.recent(key);
      const max = key.startsWith('address:') ? this.limits.address : this.limits.user;
      if (recent.length >= max) {
        const oldest = recent[recent.length - max] as number;
        waitMs = Math.max(waitMs, oldest + this.windowMs - this.now());
      }
    }
    return Math.ceil(waitMs / 1000);
  }

  fail(keys: readonly string[]): void {
    if (this.failures.size > 100_000) this.failures.clear();
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful sign-in clears the user's count (not the address's). */
  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}
