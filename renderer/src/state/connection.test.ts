// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { resetConnection, useConnection } from './connection';

describe('connection store', () => {
  beforeEach(() => resetConnection());

  it('counts opens, so the chart can refetch after a reconnect', () => {
    const { setLive } = useConnection.getState();
    setLive('connecting');
    setLive('open');
    setLive('open');
    expect(useConnection.getState().opens).toBe(1);
    setLive('reconnecting', 1, 5000);
    expect(useConnection.getState()).toMatchObject({
      live: 'reconnecting',
      attempt: 1,
      retryAt: 5000,
    });
    setLive('open');
    expect(useConnection.getState()).toMatchObject({
      live: 'open',
      opens: 2,
      attempt: 0,
      retryAt: null,
    });
  });

  it('keeps the last health next to a polling error', () => {
    const health = {
      status: 'ok' as const,
      version: '0.1.0',
      database: { ok: true, kind: 'pglite' as const },
      bus: { ok: true, kind: 'embedded' as const },
      outbox: { backlog: 0, oldestAgeSeconds: null },
    };
    useConnection.getState().setHealth(health, 1);
    useConnection.getState().setHealthError('server unreachable', 2);
    expect(useConnection.getState()).toMatchObject({
      health,
      healthError: 'server unreachable',
      healthCheckedAt: 2,
    });
  });
});
