import { useEffect, useRef, useState } from 'react';
import type { PlotTrace } from 'plotly.js-basic-dist-min';
import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { errorMessage } from '../../api/client';
import { useResolvedScheme } from '../../hooks';
import { ErrorNote } from '../../shell/PageState';
import { PLOT_CONFIG } from '../live/chartFigure';
import { readChartColors } from '../live/chartColors';
import { buildFootprintFigure, type FootprintFigure } from './footprintFigure';
import { footprintImageUrl } from './footprintImage';

/**
 * The footprint map: plotly loaded on demand (as on the Live page), redrawn when the theme
 * changes. The data attributes tell tests (and a curious operator) what was drawn.
 */
export function FootprintPlot({ result }: { result: SimulationResult }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const scheme = useResolvedScheme();
  const [drawn, setDrawn] = useState<FootprintFigure['counts'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const image = useRef<{ result: SimulationResult; url: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const host = hostRef.current;
    import('plotly.js-basic-dist-min')
      .then(async ({ default: Plotly }) => {
        if (cancelled || !host) return;
        if (image.current?.result !== result) {
          image.current = { result, url: footprintImageUrl(result) };
        }
        const figure = buildFootprintFigure(result, readChartColors(), image.current.url);
        // The figure uses scatter options (colour bar, symbols) the local plotly types omit.
        const traces = figure.traces as unknown as PlotTrace[];
        await Plotly.react(host, traces, figure.layout, { ...PLOT_CONFIG, scrollZoom: false });
        if (!cancelled) setDrawn(figure.counts);
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(`the footprint could not be drawn: ${errorMessage(cause)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [result, scheme]);

  useEffect(() => {
    const host = hostRef.current;
    return () => {
      if (host) void import('plotly.js-basic-dist-min').then(({ default: P }) => P.purge(host));
    };
  }, []);

  return (
    <div
      className="footprint-plot"
      data-testid="footprint-plot"
      data-phase={error ? 'error' : drawn ? 'ready' : 'loading'}
      data-cells={drawn?.cells}
      data-trajectories={drawn?.trajectories}
      data-traces={drawn?.traces}
    >
      <ErrorNote message={error} testId="footprint-plot-error" />
      <div ref={hostRef} className="footprint-plot-host" />
    </div>
  );
}
