import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useResolvedScheme } from '../../hooks';
import type { TimeRange } from '../../state/selection';
import { readChartColors } from './chartColors';
import { LiveChartController } from './chartController';
import type { ChartIntent, ChartPhase } from './chartIntent';
import type { ChartEvent } from './chartEvents';
import { ChartOverlay } from './ChartOverlay';
import { useChartEvents } from './useChartEvents';

interface LiveChartProps {
  intent: ChartIntent;
  onUserRange(range: TimeRange | null): void;
}

/**
 * The React shell of the live chart: mounts a div, lazy-loads plotly (1.2 MB, not needed
 * for the first paint) and hands the div to a LiveChartController. React re-renders on
 * intent and phase changes only; samples go straight from the live socket to plotly.
 */
export function LiveChart({ intent, onUserRange }: LiveChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<LiveChartController | null>(null);
  const intentRef = useRef(intent);
  const onUserRangeRef = useRef(onUserRange);
  const [phase, setPhase] = useState<ChartPhase>({ kind: 'loading' });
  const scheme = useResolvedScheme();
  const eventsRef = useRef<ChartEvent[]>([]);
  const showEvents = useCallback((events: ChartEvent[]) => {
    eventsRef.current = events;
    controllerRef.current?.setEvents(events);
  }, []);
  useChartEvents(showEvents);

  useEffect(() => {
    intentRef.current = intent;
    onUserRangeRef.current = onUserRange;
  });

  useEffect(() => {
    let cancelled = false;
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => controllerRef.current?.resize());
          })
        : null;
    import('plotly.js-basic-dist-min')
      .then(({ default: Plotly }) => {
        const host = hostRef.current;
        if (cancelled || !host) return;
        const controller = new LiveChartController(host, Plotly, {
          colors: readChartColors(),
          onPhase: setPhase,
          onUserRange: (range) => onUserRangeRef.current(range),
        });
        controllerRef.current = controller;
        controller.setIntent(intentRef.current);
        controller.setEvents(eventsRef.current);
        observer?.observe(host);
      })
      .catch((error: unknown) => {
        setPhase({
          kind: 'error',
          message: `chart library failed to load: ${errorMessage(error)}`,
        });
      });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      controllerRef.current?.destroy();
      controllerRef.current = null;
    };
  }, []);

  useEffect(() => {
    controllerRef.current?.setIntent(intent);
  }, [intent]);

  useEffect(() => {
    controllerRef.current?.setColors(readChartColors());
  }, [scheme]);

  return (
    <section className="live-chart" data-testid="live-chart" data-phase={phase.kind}>
      <div ref={hostRef} className="plot-host" />
      <ChartOverlay
        phase={phase}
        streams={intent.streams}
        onRetry={() => void controllerRef.current?.reload()}
      />
    </section>
  );
}
