// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConnection, useConnection } from '../state/connection';
import { Header } from './Header';
import { Nav } from './Nav';

describe('Header', () => {
  beforeEach(() => resetConnection());
  afterEach(cleanup);

  it('shows the live socket state and the health of database, bus and outbox', () => {
    useConnection.getState().setLive('open');
    useConnection.getState().setSubscribed(['a.b.c', 'a.b.d']);
    useConnection.getState().setHealth(
      {
        status: 'degraded',
        version: '0.1.0',
        database: { ok: true, kind: 'pglite' },
        bus: { ok: false, kind: 'kafka', error: 'broker down' },
        outbox: { backlog: 42, oldestAgeSeconds: 90 },
      },
      Date.now(),
    );
    render(<Header />);
    expect(screen.getByText('Firn')).toBeTruthy();
    const live = screen.getByTestId('live-status');
    expect(live.dataset.state).toBe('open');
    expect(live.textContent).toContain('2 streams');
    expect(screen.getByTestId('health-database').dataset.tone).toBe('ok');
    expect(screen.getByTestId('health-bus').dataset.tone).toBe('bad');
    expect(screen.getByTestId('health-bus').title).toContain('broker down');
    // With the bus down the outbox is the hut's buffer, shown in words.
    expect(screen.getByTestId('bus-offline').textContent).toContain('offline: 42 buffered');
  });

  it('shows a countdown while reconnecting and an unreachable server', () => {
    useConnection.getState().setLive('reconnecting', 3, Date.now() + 4000);
    useConnection.getState().setHealthError('server unreachable (/api/health)', Date.now());
    render(<Header />);
    expect(screen.getByTestId('live-status').textContent).toMatch(/retry in [34] s · attempt 3/);
    expect(screen.getByTestId('health-server').textContent).toContain('unreachable');
  });

  it('links each page once: the page navigation has the Live link, the header no copy', () => {
    render(
      <>
        <Header />
        <Nav />
      </>,
    );
    expect(screen.getAllByRole('link', { name: 'Live' })).toHaveLength(1);
    expect(screen.getByTestId('nav-link-live')).toBeTruthy();
  });
});
