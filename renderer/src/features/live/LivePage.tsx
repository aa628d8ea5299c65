import { useEffect, useMemo } from 'react';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import { useCatalog } from '../../state/catalog';
import { useConnection } from '../../state/connection';
import { useSelection } from '../../state/selection';
import type { ChartIntent } from './chartIntent';
import { DatastreamPicker } from './DatastreamPicker';
import { LiveChart } from './LiveChart';
import { RangeBar } from './RangeBar';
import { ReadoutStrip } from './ReadoutStrip';

/** The Live view: picker on the left, range controls and the chart on the right. */
export function LivePage() {
  const status = useCatalog((s) => s.status);
  const error = useCatalog((s) => s.error);
  const datastreams = useCatalog((s) => s.datastreams);
  const keys = useSelection((s) => s.keys);
  const preset = useSelection((s) => s.preset);
  const follow = useSelection((s) => s.follow);
  const customRange = useSelection((s) => s.customRange);
  const setCustomRange = useSelection((s) => s.setCustomRange);
  // Every reopen after the first means samples may have been missed: refetch then.
  const reloadToken = useConnection((s) => Math.max(0, s.opens - 1));

  useEffect(() => {
    // A selection restored from localStorage may name datastreams this database lacks.
    if (status === 'ready') useSelection.getState().retain(new Set(datastreams.map((d) => d.key)));
  }, [status, datastreams]);

  const streams = useMemo(() => {
    const byKey = new Map(datastreams.map((d) => [d.key, d]));
    return keys.map((k) => byKey.get(k)).filter((d): d is DatastreamSummary => d !== undefined);
  }, [keys, datastreams]);

  const intent = useMemo<ChartIntent>(
    () => ({ streams, preset, customRange, follow, reloadToken }),
    [streams, preset, customRange, follow, reloadToken],
  );

  if (status === 'idle' || status === 'loading') {
    return (
      <div className="page-state" data-testid="catalog-loading" role="status">
        <span className="spinner" aria-hidden="true" /> Loading stations and datastreams…
      </div>
    );
  }
  if (status === 'error' && datastreams.length === 0) {
    return (
      <div className="page-state page-state--error" data-testid="catalog-error" role="alert">
        <p>Could not load the catalog: {error}</p>
        <button type="button" className="button" onClick={() => void useCatalog.getState().load()}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className="live-page" data-testid="live-page">
      <DatastreamPicker />
      <div className="live-main">
        <RangeBar />
        <ReadoutStrip streams={streams} />
        <LiveChart intent={intent} onUserRange={setCustomRange} />
      </div>
    </div>
  );
}
