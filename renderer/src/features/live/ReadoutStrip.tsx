import type { DatastreamSummary } from '../../../../core/contracts/http';
import { displayUnit, formatAge, formatUtc, formatValue, parseTime } from '../../format';
import { useCatalogNow } from '../../hooks';
import { useCatalog } from '../../state/catalog';
import { useSelection } from '../../state/selection';

interface ReadoutStripProps {
  streams: readonly DatastreamSummary[];
  /** The panel the readouts belong to: removing one takes it off that panel. */
  panel: number;
}

/**
 * The newest value of each datastream in the panel, large, in its line color: what an
 * operator reads from across the room. Fed by the catalog, which the live service
 * refreshes every few seconds, so it never re-renders per sample.
 */
export function ReadoutStrip({ streams, panel }: ReadoutStripProps) {
  const stations = useCatalog((s) => s.stations);
  const toggle = useSelection((s) => s.toggle);
  // New values bring their own fresh clock (see useCatalogNow); the tick only ages old ones.
  const now = useCatalogNow(10_000);
  if (streams.length === 0) return null;
  return (
    <div className="readouts" data-testid="readouts">
      {streams.map((ds, index) => {
        const lastMs = parseTime(ds.lastTime);
        const station = stations.find((s) => s.id === ds.station)?.name ?? ds.station;
        return (
          <div
            key={ds.key}
            className="readout"
            data-testid={`readout-${ds.key}`}
            style={{ borderLeftColor: `var(--series-${(index % 8) + 1})` }}
          >
            <div className="readout-head">
              <span className="readout-name" title={ds.key}>
                {station} · {ds.variable.replaceAll('_', ' ')}
                <span className="readout-instrument"> {ds.instrument}</span>
              </span>
              <button
                type="button"
                className="readout-remove"
                aria-label={`Remove ${ds.key} from the panel`}
                data-testid={`readout-remove-${ds.key}`}
                onClick={() => toggle(ds.key, panel)}
              >
                ×
              </button>
            </div>
            <div className="readout-value">
              {formatValue(ds.lastValue)}
              <span className="readout-unit">{displayUnit(ds.unit)}</span>
            </div>
            <div className="readout-time" title={formatUtc(lastMs)}>
              {formatUtc(lastMs)} · {formatAge(lastMs, now)}
            </div>
          </div>
        );
      })}
    </div>
  );
}
