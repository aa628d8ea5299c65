// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../../core/contracts/http';
import { resetConnection, useConnection } from '../state/connection';
import { HealthPanel } from './HealthPanel';

const T0 = 1_700_000_000_000;

function health(busOk: boolean, backlog: number, oldestAgeSeconds: number | null = null) {
  const answer: HealthResponse = {
    status: busOk ? 'ok' : 'degraded',
    version: '0.1.0',
    database: { ok: true, kind: 'pglite' },
    bus: busOk
      ? { ok: true, kind: 'kafka' }
      : { ok: false, kind: 'kafka', error: 'Connection error: ECONNREFUSED 127.0.0.1:19092' },
    outbox: { backlog, oldestAgeSeconds },
  };
  return answer;
}

/** Feeds answers one second apart, as the fast poll does. */
function feed(...answers: HealthResponse[]) {
  answers.forEach((a, i) => useConnection.getState().setHealth(a, T0 + i * 1000));
}

describe('HealthPanel outbox states', () => {
  beforeEach(() => resetConnection());
  afterEach(cleanup);

  it('shows the plain outbox chip when the bus is up and nothing waits', () => {
    feed(health(true, 0));
    render(<HealthPanel />);
    expect(screen.getByTestId('health-outbox').textContent).toBe('Outbox0');
    expect(screen.getByTestId('health-outbox').dataset.tone).toBe('ok');
    expect(screen.queryByTestId('bus-offline')).toBeNull();
    expect(screen.queryByTestId('outbox-drain')).toBeNull();
  });

  it('says offline with the buffered count, the error and the oldest age in words', () => {
    feed(health(false, 12_345, 200));
    render(<HealthPanel />);
    const chip = screen.getByTestId('bus-offline');
    expect(chip.textContent).toContain('offline: 12,345 buffered');
    expect(chip.textContent).toContain('⚠');
    expect(chip.title).toContain('ECONNREFUSED 127.0.0.1:19092');
    expect(chip.title).toContain('oldest has waited 3 min 20 s');
    expect(chip.dataset.backlog).toBe('12345');
    expect(screen.queryByTestId('health-outbox')).toBeNull();
    expect(screen.getByTestId('health-bus').dataset.tone).toBe('bad');
  });

  it('shows the drain with a progress bar and the time left', () => {
    feed(health(false, 10_000, 60), health(true, 8000, 61), health(true, 6000, 62));
    render(<HealthPanel />);
    const chip = screen.getByTestId('outbox-drain');
    expect(chip.textContent).toContain('draining: 6,000 left');
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    // 2,000 rows/s over the last second: 6,000 rows take 3 s.
    expect(screen.getByTestId('outbox-drain-eta').textContent).toBe('~3 s');
    expect(chip.title).toContain('4,000 of 10,000 sent (40 %) at 2,000 rows/s');
    expect(screen.queryByTestId('bus-offline')).toBeNull();
  });

  it('says the time left is not known on the first sample of a drain', () => {
    feed(health(false, 10_000, 60), health(true, 9000, 61));
    render(<HealthPanel />);
    expect(screen.getByTestId('outbox-drain-eta').textContent).toBe('estimating…');
  });

  it('returns to the plain chip once the drain is done', () => {
    feed(health(false, 10_000), health(true, 4000), health(true, 0));
    render(<HealthPanel />);
    expect(screen.queryByTestId('outbox-drain')).toBeNull();
    expect(screen.getByTestId('health-outbox').textContent).toBe('Outbox0');
    expect(screen.getByTestId('health-panel').dataset.outbox).toBe('normal');
  });

  it('keeps the offline chip visible, marked stale, when a poll fails', () => {
    feed(health(false, 500, 10));
    useConnection.getState().setHealthError('server unreachable', T0 + 5000);
    render(<HealthPanel />);
    expect(screen.getByTestId('bus-offline').title).toContain('(stale)');
  });
});
