import { useEffect } from 'react';
import { errorMessage, isAbort } from '../api/client';
import { fetchHealth } from '../api/endpoints';
import { useConnection } from '../state/connection';

export const HEALTH_INTERVAL_MS = 10_000;

/**
 * Polls GET /api/health every 10 s into the connection store. The next poll is scheduled
 * after the previous answer, so a slow server is never asked twice at once.
 */
export function useHealthPolling(intervalMs: number = HEALTH_INTERVAL_MS): void {
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const store = useConnection.getState();
      try {
        store.setHealth(await fetchHealth(abort.signal), Date.now());
      } catch (error) {
        if (isAbort(error)) return;
        store.setHealthError(errorMessage(error), Date.now());
      }
      if (!abort.signal.aborted) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [intervalMs]);
}
