import type { DatastreamSummary } from '../../../../core/contracts/http';
import { formatUtc } from '../../format';
import { latestTimeOf } from '../../state/catalog';
import type { ChartPhase } from './chartIntent';

interface ChartOverlayProps {
  phase: ChartPhase;
  streams: readonly DatastreamSummary[];
  onRetry(): void;
}

/** The states around the plot: nothing picked, loading, empty range, failure. */
export function ChartOverlay({ phase, streams, onRetry }: ChartOverlayProps) {
  switch (phase.kind) {
    case 'idle':
      return (
        <div className="chart-overlay" data-testid="chart-idle">
          <p className="overlay-title">No datastream selected</p>
          <p className="overlay-hint">
            Pick datastreams on the left to plot their history and live values.
          </p>
        </div>
      );
    case 'loading':
      return (
        <div
          className="chart-overlay chart-overlay--soft"
          data-testid="chart-loading"
          role="status"
        >
          <span className="spinner" aria-hidden="true" /> Loading history…
        </div>
      );
    case 'empty': {
      const latest = latestTimeOf(streams);
      return (
        <div className="chart-overlay chart-overlay--passive" data-testid="chart-empty">
          <p className="overlay-title">No data in this range</p>
          <p className="overlay-hint">
            {latest === null
              ? 'These datastreams have no observations yet; new ones appear here as they arrive.'
              : `Newest observation: ${formatUtc(latest)}. Try a wider range.`}
          </p>
          <FailedNote failed={phase.failed} />
        </div>
      );
    }
    case 'error':
      return (
        <div className="chart-overlay chart-overlay--error" data-testid="chart-error" role="alert">
          <p className="overlay-title">Could not load the chart</p>
          <p className="overlay-hint">{phase.message}</p>
          <button type="button" className="button" data-testid="chart-retry" onClick={onRetry}>
            Retry
          </button>
        </div>
      );
    case 'ready':
      return phase.failed.length > 0 ? (
        <div className="chart-banner" data-testid="chart-partial-error" role="alert">
          <FailedNote failed={phase.failed} />
        </div>
      ) : null;
  }
}

function FailedNote({ failed }: { failed: string[] }) {
  if (failed.length === 0) return null;
  return <p className="overlay-hint overlay-hint--error">Failed to load: {failed.join(', ')}</p>;
}
