import { memo, useMemo, useState } from 'react';
import { useCatalogNow } from '../../hooks';
import { useCatalog } from '../../state/catalog';
import { activeKeys, MAX_SELECTED, useSelection } from '../../state/selection';
import { DatastreamRow } from './DatastreamRow';
import { formatCadence, groupByStation } from './pickerGroups';

/**
 * Datastreams by station, with unit and last value; checking one adds it to the panel.
 * Memoized: it reads its own state, so a range or follow change of the page skips it.
 */
export const DatastreamPicker = memo(function DatastreamPicker() {
  const stations = useCatalog((s) => s.stations);
  const datastreams = useCatalog((s) => s.datastreams);
  const keys = useSelection(activeKeys);
  const toggle = useSelection((s) => s.toggle);
  const [filter, setFilter] = useState('');
  // "12 min ago" labels age on their own; half a minute is plenty for that.
  const now = useCatalogNow(30_000);

  const groups = useMemo(
    () => groupByStation(stations, datastreams, filter),
    [stations, datastreams, filter],
  );
  const full = keys.length >= MAX_SELECTED;

  return (
    <aside className="picker" data-testid="datastream-picker" aria-label="Datastreams">
      <div className="picker-head">
        <h2 className="panel-title">Datastreams</h2>
        <span className="picker-count" data-testid="selection-count">
          {keys.length}/{MAX_SELECTED}
        </span>
      </div>
      <input
        className="picker-filter"
        type="search"
        placeholder="Filter by station, variable, unit…"
        aria-label="Filter datastreams"
        data-testid="datastream-filter"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="picker-list">
        {groups.length === 0 && (
          <p className="picker-empty" data-testid="datastream-picker-empty">
            {datastreams.length === 0
              ? 'No datastreams registered yet.'
              : 'Nothing matches the filter.'}
          </p>
        )}
        {groups.map((group) => (
          <section key={group.id} className="picker-station" data-testid={`station-${group.id}`}>
            <h3 className="picker-station-name">
              {group.name}
              {group.altitude !== null && (
                <span className="picker-station-alt">{group.altitude} m</span>
              )}
            </h3>
            {group.instruments.map((instrument) => (
              <div key={instrument.id} className="picker-instrument-group">
                <h4 className="picker-instrument-name">
                  {instrument.id}
                  <span>{formatCadence(instrument.cadenceSeconds)}</span>
                </h4>
                <ul>
                  {instrument.datastreams.map((ds) => {
                    const index = keys.indexOf(ds.key);
                    return (
                      <DatastreamRow
                        key={ds.key}
                        datastream={ds}
                        colorIndex={index}
                        disabled={index < 0 && full}
                        now={now}
                        onToggle={toggle}
                      />
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
});
