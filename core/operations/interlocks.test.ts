import { describe, expect, it } from 'vitest';
import type { Interlock } from '../contracts/operations';
import { checkInterlocks, type InterlockFacts } from './interlocks';

const zugspitze = { id: 'zugspitze', latitude: 47.421, longitude: 10.9848 };
const night = Date.parse('2024-01-15T23:00:00Z');
const noon = Date.parse('2024-01-15T11:15:00Z');
const facts = (over: Partial<InterlockFacts> = {}): InterlockFacts => ({
  atMs: night,
  station: zugspitze,
  sentInLastHour: 0,
  staffed: true,
  ...over,
});
const daylight: Interlock = { kind: 'no_daylight', maxSolarElevationDeg: -6 };

describe('checkInterlocks', () => {
  it('lets a command through when every interlock holds', () => {
    const all: Interlock[] = [daylight, { kind: 'rate_limit', maxPerHour: 2 }, { kind: 'staffed' }];
    expect(checkInterlocks(all, facts({ sentInLastHour: 1 }))).toEqual({ ok: true });
    expect(checkInterlocks([], facts({ atMs: noon, staffed: false }))).toEqual({ ok: true });
  });

  it('blocks an exposure in daylight and says how high the sun is', () => {
    const result = checkInterlocks([daylight], facts({ atMs: noon }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.interlock).toBe('no_daylight');
    expect(result.reason).toMatch(
      /^no exposure in daylight: the sun is 2\d\.\d° high at zugspitze/,
    );
    expect(result.reason).toContain('allowed up to -6°');
  });

  it('blocks in civil twilight under the -6° limit but not the sun 10° below', () => {
    // Sunset at Zugspitze mid-January is about 15:55 UTC; at 16:10 the sun is ~2° down.
    expect(
      checkInterlocks([daylight], facts({ atMs: Date.parse('2024-01-15T16:10:00Z') })).ok,
    ).toBe(false);
    expect(
      checkInterlocks([daylight], facts({ atMs: Date.parse('2024-01-15T17:30:00Z') })).ok,
    ).toBe(true);
  });

  it('refuses to guess the sun without a station position', () => {
    const result = checkInterlocks(
      [daylight],
      facts({ station: { ...zugspitze, latitude: null } }),
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('has no position') });
  });

  it('counts the rate per hour up to the limit', () => {
    const limit: Interlock[] = [{ kind: 'rate_limit', maxPerHour: 3 }];
    expect(checkInterlocks(limit, facts({ sentInLastHour: 2 })).ok).toBe(true);
    expect(checkInterlocks(limit, facts({ sentInLastHour: 3 }))).toEqual({
      ok: false,
      interlock: 'rate_limit',
      reason: 'at most 3 per hour: 3 already sent in the last hour',
    });
  });

  it('needs a staffed station when the command says so, and names the first refusal', () => {
    const both: Interlock[] = [{ kind: 'staffed' }, daylight];
    const result = checkInterlocks(both, facts({ staffed: false, atMs: noon }));
    expect(result).toEqual({
      ok: false,
      interlock: 'staffed',
      reason: 'only while the station is staffed: zugspitze is not staffed',
    });
  });
});
