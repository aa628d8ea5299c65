import { useResolvedScheme } from '../../hooks';
import { ErrorNote } from '../../shell/PageState';
import { useOnDemandPlot } from '../../shell/useOnDemandPlot';
import type { TimeRange } from '../../state/selection';
import { readChartColors } from '../live/chartColors';
import { PLOT_CONFIG } from '../live/chartFigure';
import { buildBacktestFigure, type BacktestFigure, type SeverityColors } from './backtestFigure';
import type { InputHistory } from './backtestHistory';
import type { AlertWindow } from './backtestStore';
import './rules.css';

/** The severities' colours in the current theme, as the alert list and chips use them. */
function readSeverityColors(root: Element = document.documentElement): SeverityColors {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    critical: read('--bad', '#f0564a'),
    warning: read('--warn', '#e0a530'),
    info: read('--accent', '#4cc2e8'),
  };
}

export interface BacktestPlotProps {
  history: readonly InputHistory[];
  windows: readonly AlertWindow[];
  range: TimeRange;
}

/**
 * The rule's inputs over the backtest range with its alert windows shaded on the same time
 * axis: what enabling the rule would have raised, seen against the data that raised it.
 * plotly loads on demand (as on the Live and Jobs pages) and redraws on a theme change.
 */
export function BacktestPlot({ history, windows, range }: BacktestPlotProps) {
  const scheme = useResolvedScheme();
  const { hostRef, drawn, error } = useOnDemandPlot(
    async (Plotly, host): Promise<BacktestFigure['counts']> => {
      const colors = readChartColors();
      const figure = buildBacktestFigure(history, windows, range, colors, readSeverityColors());
      const config = { ...PLOT_CONFIG, toImageButtonOptions: { filename: 'firn-backtest' } };
      await Plotly.react(host, figure.traces, figure.layout, config);
      return figure.counts;
    },
    'backtest',
    [history, windows, range, scheme],
  );

  const failed = history.filter((input) => input.error !== null);
  return (
    <div
      className="backtest-plot"
      data-testid="backtest-plot"
      data-phase={error ? 'error' : drawn ? 'ready' : 'loading'}
      data-inputs={drawn?.inputs}
      data-alerts={drawn?.alerts}
      data-traces={drawn?.traces}
    >
      <ErrorNote message={error} testId="backtest-plot-error" />
      {failed.map((input) => (
        <p key={input.alias} className="inline-error" data-testid="backtest-input-error">
          {input.alias} ({input.key}): {input.error}
        </p>
      ))}
      <div ref={hostRef} className="backtest-plot-host" />
    </div>
  );
}
