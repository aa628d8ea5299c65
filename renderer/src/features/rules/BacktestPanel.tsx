import { formatUtc } from '../../format';
import { BacktestPlot } from './BacktestPlot';
import { useBacktest } from './backtestStore';
import { useRules } from './rulesStore';

/**
 * Runs the rule in the editor over stored data: the alert windows it would raise, drawn
 * over its inputs' history and listed.
 */
export function BacktestPanel() {
  const { from, to, status, error, windows, observations, ranRange, history } = useBacktest();
  const text = useRules((s) => s.text);
  const backtest = useBacktest.getState();
  return (
    <section className="backtest" data-testid="backtest" data-status={status}>
      <h2 className="section-title">Backtest</h2>
      <div className="inline-form">
        <label>
          From
          <input
            type="date"
            value={from}
            onChange={(e) => backtest.setRange({ from: e.target.value })}
            data-testid="backtest-from"
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to}
            onChange={(e) => backtest.setRange({ to: e.target.value })}
            data-testid="backtest-to"
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={status === 'running' || text.trim() === ''}
          onClick={() => void backtest.run(text)}
          data-testid="backtest-run"
        >
          {status === 'running' ? 'Running…' : 'Backtest'}
        </button>
      </div>
      {status === 'error' && (
        <pre className="inline-error" role="alert" data-testid="backtest-error">
          {error}
        </pre>
      )}
      {status === 'done' && (
        <>
          <p data-testid="backtest-summary">
            <strong data-testid="backtest-count">{windows.length}</strong>{' '}
            {windows.length === 1 ? 'alert' : 'alerts'} over {observations} observations
          </p>
          {ranRange !== null && (
            <BacktestPlot history={history} windows={windows} range={ranRange} />
          )}
          {windows.length > 0 && (
            <ol className="window-list" data-testid="backtest-windows">
              {windows.map((w) => (
                <li key={w.id} className="mono" data-testid="backtest-window">
                  {w.severity}: {formatUtc(w.startMs)} →{' '}
                  {w.resolvedMs === null ? 'still open' : formatUtc(w.resolvedMs)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
