import { useRef } from 'react';
import type { PlotTrace } from 'plotly.js-basic-dist-min';
import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { useResolvedScheme } from '../../hooks';
import { ErrorNote } from '../../shell/PageState';
import { useOnDemandPlot } from '../../shell/useOnDemandPlot';
import { PLOT_CONFIG } from '../live/chartFigure';
import { readChartColors } from '../live/chartColors';
import { buildFootprintFigure, type FootprintFigure } from './footprintFigure';
import { footprintImageUrl } from './footprintImage';

/**
 * The footprint map: plotly loaded on demand (as on the Live page), redrawn when the theme
 * changes. The data attributes tell tests (and a curious operator) what was drawn.
 */
export function FootprintPlot({ result }: { result: SimulationResult }) {
  const scheme = useResolvedScheme();
  const image = useRef<{ result: SimulationResult; url: string | null } | null>(null);
  const { hostRef, drawn, error } = useOnDemandPlot(
    async (Plotly, host): Promise<FootprintFigure['counts']> => {
      if (image.current?.result !== result) {
        image.current = { result, url: footprintImageUrl(result) };
      }
      const figure = buildFootprintFigure(result, readChartColors(), image.current.url);
      // The figure uses scatter options (colour bar, symbols) the local plotly types omit.
      const traces = figure.traces as unknown as PlotTrace[];
      await Plotly.react(host, traces, figure.layout, { ...PLOT_CONFIG, scrollZoom: false });
      return figure.counts;
    },
    'footprint',
    [result, scheme],
  );

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
