import { useEffect, useMemo } from 'react';
import { useCatalog } from '../../state/catalog';
import { useConnection } from '../../state/connection';
import { useSelection } from '../../state/selection';
import type { ChartIntent } from './chartIntent';
import { DatastreamPicker } from './DatastreamPicker';
import { LayoutBar } from './LayoutBar';
import { LivePanel } from './LivePanel';
import { RangeBar } from './RangeBar';

/** The Live view: picker on the left; range, layouts and the panels (one time axis) on the right. */
export function LivePage() {
  const status = useCatalog((s) => s.status);
  const error = useCatalog((s) => s.error);
  const datastreams = useCatalog((s) => s.datastreams);
  const panels = useSelection((s) => s.panels);
  const active = useSelection((s) => s.active);
  const preset = useSelection((s) => s.preset);
  const follow = useSelection((s) => s.follow);
  const customRange = useSelection((s) => s.customRange);
  // Every reopen after the first means samples may have been missed: refetch then.
  const reloadToken = useConnection((s) => Math.max(0, s.opens - 1));

  useEffect(() => {
    // A selection restored from localStorage may name datastreams this database lacks.
    if (status === 'ready') useSelection.getState().retain(new Set(datastreams.map((d) => d.key)));
  }, [status, datastreams]);

  const known = useMemo(() => new Map(datastreams.map((d) => [d.key, d])), [datastreams]);
  const shared = useMemo<Omit<ChartIntent, 'streams'>>(
    () => ({ preset, customRange, follow, reloadToken }),
    [preset, customRange, follow, reloadToken],
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
        <LayoutBar />
        {panels.map((keys, index) => (
          <LivePanel
            // Panels have no identity beyond their place: removing one redraws those below.
            key={index}
            index={index}
            keys={keys}
            known={known}
            shared={shared}
            several={panels.length > 1}
            active={index === active}
          />
        ))}
      </div>
    </div>
  );
}
