import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { healthResponseSchema, type HealthResponse } from '../core/contracts/http';
import { trayMenuTemplate, trayStatus } from './tray-status';

// Answers of GET /api/health as server/health/health-use-case.ts builds them; each is checked
// against the response schema first, so a change of shape fails here rather than in a tray.
const healthy: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  database: { ok: true, kind: 'pglite' },
  bus: { kind: 'embedded', ok: true },
  outbox: { backlog: 0, oldestAgeSeconds: null },
};
const offline: HealthResponse = {
  status: 'degraded',
  version: '0.1.0',
  database: { ok: true, kind: 'postgres' },
  bus: { kind: 'kafka', ok: false, error: 'Connection timeout' },
  outbox: { backlog: 12_345, oldestAgeSeconds: 754.2 },
};
const databaseDown: HealthResponse = {
  status: 'degraded',
  version: '0.1.0',
  database: { ok: false, kind: 'postgres', error: 'connect ECONNREFUSED 127.0.0.1:5432' },
  bus: { kind: 'kafka', ok: true },
  outbox: { backlog: -1, oldestAgeSeconds: null },
};
const everythingDown: HealthResponse = {
  ...databaseDown,
  bus: { kind: 'kafka', ok: false, error: 'Connection timeout' },
};

describe('tray status from the health answer', () => {
  it('uses answers of the real shape', () => {
    for (const answer of [healthy, offline, databaseDown, everythingDown]) {
      expect(healthResponseSchema.safeParse(answer).success).toBe(true);
    }
  });

  it('says ok with database, bus and outbox', () => {
    const status = trayStatus({ ...healthy, outbox: { backlog: 3, oldestAgeSeconds: 0.4 } });
    expect(status).toMatchObject({ state: 'ok', headline: 'ok' });
    expect(status.details).toEqual([
      'Database pglite: ok',
      'Bus embedded: ok',
      'Outbox: 3 waiting',
    ]);
    expect(status.tooltip).toBe(
      'Firn: ok\nDatabase pglite: ok\nBus embedded: ok\nOutbox: 3 waiting',
    );
  });

  it('says offline with the buffered count, as the header chip does', () => {
    const status = trayStatus(offline);
    expect(status.state).toBe('offline');
    expect(status.headline).toBe('offline: 12,345 buffered');
    expect(status.details).toEqual([
      'Bus kafka unreachable: Connection timeout',
      'oldest waited 12 min',
      'Database postgres: ok',
    ]);
    expect(status.tooltip.startsWith('Firn: offline: 12,345 buffered\n')).toBe(true);
    const empty = trayStatus({ ...offline, outbox: { backlog: 0, oldestAgeSeconds: null } });
    expect(empty.headline).toBe('offline: 0 buffered');
    expect(empty.details[1]).toBe('nothing waiting yet');
  });

  it('says degraded, naming what fails, when the database does', () => {
    const status = trayStatus(databaseDown);
    expect(status).toMatchObject({ state: 'degraded', headline: 'degraded: database' });
    expect(status.details).toContain('Outbox: unknown');
    expect(trayStatus(everythingDown).headline).toBe('degraded: database, bus');
  });

  it('says unreachable on a failed request or an answer that is not a health answer', () => {
    expect(trayStatus(undefined, 'fetch failed')).toMatchObject({
      state: 'unreachable',
      headline: 'station not answering',
      details: ['fetch failed'],
    });
    expect(trayStatus('<html>').state).toBe('unreachable');
    expect(trayStatus({ ...healthy, status: 'fine' }).state).toBe('unreachable');
    expect(trayStatus(null).state).toBe('unreachable');
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const long = trayStatus({ ...offline, bus: { ...offline.bus, error: 'x'.repeat(500) } });
    expect(long.tooltip.length).toBeLessThanOrEqual(127);
    expect(long.tooltip.startsWith('Firn: offline: 12,345 buffered')).toBe(true);
    expect(trayStatus(undefined, 'e'.repeat(300)).tooltip.length).toBeLessThanOrEqual(127);
  });
});

describe('tray menu', () => {
  it('shows the status unclickable, then show, alerts and quit', () => {
    const actions = { show: vi.fn(), openAlerts: vi.fn(), quit: vi.fn() };
    const items = trayMenuTemplate(trayStatus(offline), actions);
    expect(items[0]).toMatchObject({ label: 'Station: offline: 12,345 buffered', enabled: false });
    expect(items.slice(1, 4).every((i) => i.enabled === false)).toBe(true);
    const byId = (id: string) => items.find((i) => i.id === id) as MenuItemConstructorOptions;
    (byId('show').click as () => void)();
    (byId('alerts').click as () => void)();
    (byId('quit').click as () => void)();
    expect(actions.show).toHaveBeenCalledOnce();
    expect(actions.openAlerts).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});
