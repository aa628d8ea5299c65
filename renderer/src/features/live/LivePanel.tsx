import { useMemo } from 'react';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import { useSelection } from '../../state/selection';
import type { ChartIntent } from './chartIntent';
import { LiveChart } from './LiveChart';
import { ReadoutStrip } from './ReadoutStrip';

interface LivePanelProps {
  index: number;
  keys: readonly string[];
  /** The catalog's datastreams by key. */
  known: ReadonlyMap<string, DatastreamSummary>;
  /** Range, follow and reload, shared by every panel: one time axis for the page. */
  shared: Omit<ChartIntent, 'streams'>;
  /** More than one panel: each gets a header to pick it for the picker, or to remove it. */
  several: boolean;
  active: boolean;
}

/** One panel of the Live page: its readouts and its chart. */
export function LivePanel({ index, keys, known, shared, several, active }: LivePanelProps) {
  const setCustomRange = useSelection((s) => s.setCustomRange);
  const streams = useMemo(
    () => keys.map((k) => known.get(k)).filter((d): d is DatastreamSummary => d !== undefined),
    [keys, known],
  );
  const intent = useMemo<ChartIntent>(() => ({ streams, ...shared }), [streams, shared]);
  return (
    <div
      className={`live-panel${several ? ' live-panel--several' : ''}${active && several ? ' live-panel--active' : ''}`}
      data-testid="live-panel"
      data-panel={index}
      data-active={active}
    >
      {several && (
        <div className="live-panel-head">
          <button
            type="button"
            className="live-panel-pick"
            aria-pressed={active}
            title="The picker adds datastreams to this panel"
            onClick={() => useSelection.getState().setActive(index)}
            data-testid="panel-pick"
          >
            Panel {index + 1}
            {active ? ' · adding here' : ''}
          </button>
          <button
            type="button"
            className="live-panel-remove"
            aria-label={`Remove panel ${index + 1}`}
            onClick={() => useSelection.getState().removePanel(index)}
            data-testid="panel-remove"
          >
            ✕
          </button>
        </div>
      )}
      <ReadoutStrip streams={streams} panel={index} />
      <LiveChart intent={intent} onUserRange={setCustomRange} />
    </div>
  );
}
