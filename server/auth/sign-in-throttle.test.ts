import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieValue } from './cookies';
import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
  it('allows five failures per user, then asks to wait until the window has passed', () => {
    let now = 0;
    const throttle = new SignInThrottle({ user: 5, address: 20 }, 60_000, () => now);
    const keys = ['user:anna', 'address:10.0.0.1'];
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitSeconds(keys)).toBe(0);
      throttle.fail(keys);
      now += 1000;
    }
    expect(throttle.waitSeconds(keys)).toBe(55);
    expect(throttle.waitSeconds(['user:bert', 'address:10.0.0.2'])).toBe(0);
    now = 60_001;
    expect(throttle.waitSeconds(keys)).toBe(0);
  });

  it('limits an address trying many names', () => {
    const throttle = new SignInThrottle({ user: 5, address: 3 }, 60_000, () => 0);
    for (const name of ['a', 'b', 'c']) throttle.fail([`user:${name}`, 'address:x']);
    expect(throttle.waitSeconds(['user:d', 'address:x'])).toBe(60);
  });

  it('never asks to wait before the limit, nor longer than the window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 30 }), (gaps) => {
        let now = 0;
        const throttle = new SignInThrottle({ user: 5, address: 20 }, 60_000, () => now);
        gaps.forEach((gap, i) => {
          now += gap;
          const wait = throttle.waitSeconds(['user:u']);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(60);
          if (i < 5) expect(wait).toBe(0);
          if (wait === 0) throttle.fail(['user:u']);
        });
      }),
    );
  });
});

describe('cookieValue', () => {
  it('finds a cookie among others, whatever the other cookies hold', () => {
    const otherName = fc.stringMatching(/^[a-z_]{1,10}$/).filter((n) => n !== 'firn_session');
    const value = fc.stringMatching(/^[A-Za-z0-9._-]{0,60}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(otherName, value)), value, fc.nat(), (others, mine, at) => {
        const pairs = others.map(([n, v]) => `${n}=${v}`);
        pairs.splice(at % (pairs.length + 1), 0, `firn_session=${mine}`);
        expect(cookieValue(pairs.join('; '), 'firn_session')).toBe(mine);
      }),
    );
    expect(cookieValue(undefined, 'firn_session')).toBeUndefined();
    expect(cookieValue('xfirn_session=1', 'firn_session')).toBeUndefined();
  });
});
