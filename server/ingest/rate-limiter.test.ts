import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst of twice the rate, then one request per 1/rate seconds, per token', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    for (let i = 0; i < 20; i += 1) expect(limiter.take(1)).toBe(0);
    expect(limiter.take(1)).toBe(1);
    expect(limiter.take(2)).toBe(0);
    now += 100;
    expect(limiter.take(1)).toBe(0);
    expect(limiter.take(1)).toBeGreaterThan(0);
  });

  it('is off at a rate of zero', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i += 1) expect(limiter.take(1)).toBe(0);
  });
});
