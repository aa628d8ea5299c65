import { describe, expect, it } from 'vitest';
import {
  DATASTREAM_STATES,
  datastreamState,
  worstState,
  type StationStatus,
} from '../../../../core/contracts/stations';
import type { HealthResponse } from '../../../../core/contracts/http';
import {
  ageSeconds,
  busLook,
  formatAgeSeconds,
  formatCadence,
  formatGaps,
  formatRate,
  stateCounts,
  stateLook,
} from './stationsFormat';

describe('stations page formatting', () => {
  it('gives every state its own word and shape, not only a colour', () => {
    const looks = DATASTREAM_STATES.map(stateLook);
    expect(new Set(looks.map((l) => l.word)).size).toBe(DATASTREAM_STATES.length);
    expect(new Set(looks.map((l) => l.icon)).size).toBe(DATASTREAM_STATES.length);
    expect(stateLook('late')).toMatchObject({ word: 'late', tone: 'warn' });
    expect(stateLook('silent')).toMatchObject({ word: 'silent', tone: 'bad' });
  });

  it('judges the age against 3 and 10 cadences', () => {
    expect(datastreamState(null, 600)).toBe('no-data');
    expect(datastreamState(100, null)).toBe('unknown');
    expect(datastreamState(1800, 600)).toBe('ok');
    expect(datastreamState(1801, 600)).toBe('late');
    expect(datastreamState(6000, 600)).toBe('late');
    expect(datastreamState(6001, 600)).toBe('silent');
  });

  it('sums a station up by its worst datastream that has data', () => {
    expect(worstState([])).toBe('no-data');
    expect(worstState(['no-data', 'no-data'])).toBe('no-data');
    expect(worstState(['ok', 'no-data'])).toBe('ok');
    expect(worstState(['ok', 'late', 'no-data'])).toBe('late');
    expect(worstState(['silent', 'late', 'ok'])).toBe('silent');
  });

  it('writes rates per hour, and per minute for fast streams', () => {
    expect(formatRate(0)).toBe('0/h');
    expect(formatRate(6)).toBe('6/h');
    expect(formatRate(2.5)).toBe('2.5/h');
    expect(formatRate(60)).toBe('1/min');
    expect(formatRate(180_000)).toBe('3,000/min');
    expect(formatRate(90)).toBe('1.5/min');
  });

  it('writes gaps, cadences and ages as an operator reads them', () => {
    expect(formatGaps({ count: 0, longestSeconds: null })).toBe('none');
    expect(formatGaps({ count: 2, longestSeconds: 4800 })).toBe('2 · longest 1 h 20 min');
    expect(formatCadence({ cadenceSeconds: 600, cadenceSource: 'metadata' })).toBe('10 min');
    expect(formatCadence({ cadenceSeconds: 60, cadenceSource: 'estimated' })).toBe('≈ 1 min');
    expect(formatCadence({ cadenceSeconds: null, cadenceSource: 'unknown' })).toBe('—');
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(ageSeconds('2026-01-01T11:48:00Z', now)).toBe(720);
    expect(ageSeconds('2026-01-01T12:00:05Z', now)).toBe(0);
    expect(ageSeconds(null, now)).toBeNull();
    expect(formatAgeSeconds(720)).toBe('12 min ago');
    expect(formatAgeSeconds(null)).toBe('no data');
  });

  it('counts datastreams per state, worst first', () => {
    const ds = (state: 'ok' | 'late' | 'silent') => ({ state }) as never;
    const stations = [
      { instruments: [{ datastreams: [ds('ok'), ds('late'), ds('ok')] }] },
      { instruments: [{ datastreams: [ds('silent')] }, { datastreams: [] }] },
    ] as unknown as StationStatus[];
    expect(stateCounts(stations)).toEqual([
      { state: 'silent', count: 1 },
      { state: 'late', count: 1 },
      { state: 'ok', count: 2 },
    ]);
  });

  it("shows the hut's offline backlog when the bus is away", () => {
    const health = (bus: HealthResponse['bus'], backlog: number): HealthResponse => ({
      status: bus.ok ? 'ok' : 'degraded',
      version: 't',
      database: { ok: true, kind: 'pglite' },
      bus,
      outbox: { backlog, oldestAgeSeconds: backlog > 0 ? 30 : null },
    });
    expect(busLook(null).tone).toBe('unknown');
    expect(busLook(health({ kind: 'kafka', ok: false, error: 'down' }, 12_345))).toEqual({
      tone: 'bad',
      icon: '⚠',
      text: 'offline: 12,345 buffered',
    });
    expect(busLook(health({ kind: 'embedded', ok: true }, 0))).toMatchObject({ tone: 'ok' });
    expect(busLook(health({ kind: 'kafka', ok: true }, 40)).text).toBe('kafka: 40 to publish');
    expect(busLook(health({ kind: 'none', ok: true }, 0)).tone).toBe('warn');
  });
});
