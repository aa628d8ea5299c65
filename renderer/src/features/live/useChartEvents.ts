import { useEffect } from 'react';
import { liveAlerts } from '../../live/emitter';
import type { ChartEvent } from './chartEvents';
import { loadChartEvents } from './chartEvents';

/** Jobs and commands have no live message: their lists are read again this often. */
const REFRESH_MS = 15_000;
/** Alert transitions come in bursts (a rule on many datastreams): one reload per burst. */
const ALERT_SETTLE_MS = 500;

/**
 * Keeps the chart's event markers current: loaded once, again on every alert transition
 * the live socket reports, and every 15 s for jobs and commands. `onEvents` gets each list.
 */
export function useChartEvents(onEvents: (events: ChartEvent[]) => void): void {
  useEffect(() => {
    let abort = new AbortController();
    let settle: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      abort.abort();
      abort = new AbortController();
      const { signal } = abort;
      loadChartEvents(signal)
        .then((events) => {
          if (!signal.aborted) onEvents(events);
        })
        .catch(() => undefined); // markers are extras: the chart works without them
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    const off = liveAlerts.on(() => {
      clearTimeout(settle);
      settle = setTimeout(load, ALERT_SETTLE_MS);
    });
    return () => {
      abort.abort();
      clearInterval(timer);
      clearTimeout(settle);
      off();
    };
  }, [onEvents]);
}
