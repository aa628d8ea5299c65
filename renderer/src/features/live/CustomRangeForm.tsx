import { useState } from 'react';
import { useSelection, type TimeRange } from '../../state/selection';
import { customRangeOf, toUtcInput } from './customRange';

/**
 * A range typed in (UTC, like the axis): a campaign's days, the hour of an event. Opens on
 * the range in view, so nudging one end is quick; applying it stops following the clock.
 */
export function CustomRangeForm({ inView, onDone }: { inView: TimeRange; onDone(): void }) {
  const [from, setFrom] = useState(toUtcInput(inView.from));
  const [to, setTo] = useState(toUtcInput(inView.to));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="custom-range-form"
      aria-label="Custom range"
      data-testid="custom-range-form"
      onSubmit={(e) => {
        e.preventDefault();
        const range = customRangeOf(from, to);
        if ('error' in range) return setError(range.error);
        useSelection.getState().setCustomRange(range);
        onDone();
      }}
    >
      <input
        className="input"
        type="datetime-local"
        aria-label="From (UTC)"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        data-testid="custom-range-from"
      />
      <span aria-hidden="true">→</span>
      <input
        className="input"
        type="datetime-local"
        aria-label="To (UTC)"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        data-testid="custom-range-to"
      />
      <button type="submit" className="button" data-testid="custom-range-apply">
        Show
      </button>
      {error && (
        <span className="inline-error" role="alert" data-testid="custom-range-error">
          {error}
        </span>
      )}
    </form>
  );
}
