// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HealthResponse } from '../../../core/contracts/http';
import { fetchHealth } from '../api/endpoints';
import { resetConnection, useConnection } from '../state/connection';
import { healthIntervalFor, useHealthPolling } from './useHealthPolling';

vi.mock('../api/endpoints', () => ({ fetchHealth: vi.fn() }));
const fetchMock = vi.mocked(fetchHealth);

function answer(busOk: boolean, backlog: number): HealthResponse {
  return {
    status: busOk ? 'ok' : 'degraded',
    version: '0.1.0',
    database: { ok: true, kind: 'pglite' },
    bus: busOk ? { ok: true, kind: 'kafka' } : { ok: false, kind: 'kafka', error: 'down' },
    outbox: { backlog, oldestAgeSeconds: backlog > 0 ? 5 : null },
  };
}

describe('useHealthPolling', () => {
  beforeEach(() => {
    resetConnection();
    vi.useFakeTimers();
    fetchMock.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('maps each outbox phase to its interval', () => {
    expect(healthIntervalFor('normal')).toBe(10_000);
    expect(healthIntervalFor('offline')).toBe(1000);
    expect(healthIntervalFor('draining')).toBe(1000);
  });

  it('polls every second while offline and draining, every 10 s once back to normal', async () => {
    const answers = [answer(false, 5000), answer(false, 6000), answer(true, 3000)];
    answers.push(answer(true, 0), answer(true, 0));
    for (const a of answers) fetchMock.mockResolvedValueOnce(a);
    const { unmount } = renderHook(() => useHealthPolling());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(useConnection.getState().drain.phase).toBe('offline');

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(useConnection.getState().drain.phase).toBe('draining');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(useConnection.getState().drain.phase).toBe('normal');

    // Back to normal: nothing for 9.9 s, then the next poll.
    await act(() => vi.advanceTimersByTimeAsync(9900));
    expect(fetchMock).toHaveBeenCalledTimes(4);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(fetchMock).toHaveBeenCalledTimes(5);
    unmount();
  });
});
