import { useEffect, useState } from 'react';
import { formatCount } from '../../format';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { useConnection } from '../../state/connection';
import { StationTable } from './StationTable';
import { busLook, stateCounts, stateLook } from './stationsFormat';
import { useStations } from './stationsStore';
import './stations.css';

/**
 * As often as the header's health poll. The status query reads up to 10,000 rows per
 * datastream (about 0.3 s for 20 busy datastreams on PostgreSQL), so not every second.
 */
export const STATIONS_REFRESH_MS = 10_000;

/** The bus and the outbox, from the header's health poll: the hut's "offline: N buffered". */
function BusSummary() {
  const health = useConnection((s) => s.health);
  const look = busLook(health);
  return (
    <span
      className="station-bus"
      data-tone={look.tone}
      data-testid="stations-bus"
      data-backlog={health?.outbox.backlog ?? ''}
      title="Bus and outbox, as GET /api/health reports them"
    >
      <span className="station-state-icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.text}
    </span>
  );
}

/** Every station and instrument: how fresh, how regular and how complete its data is. */
export function StationsPage() {
  const { status, error, data } = useStations();
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    void useStations.getState().load();
    const timer = setInterval(() => {
      setNowMs(Date.now());
      void useStations.getState().load();
    }, STATIONS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const reload = () => {
    setNowMs(Date.now());
    void useStations.getState().load();
  };

  return (
    <section className="page stations-page" data-testid="stations-page" data-phase={status}>
      <div className="page-toolbar">
        <h1 className="page-title">Stations</h1>
        <button type="button" className="button" onClick={reload} data-testid="stations-refresh">
          Refresh
        </button>
        <BusSummary />
        {data && (
          <>
            <span className="stations-counts" data-testid="stations-summary">
              {stateCounts(data.stations).map(({ state, count }) => (
                <span key={state} className="station-state" data-tone={stateLook(state).tone}>
                  <span className="station-state-icon" aria-hidden="true">
                    {stateLook(state).icon}
                  </span>
                  {formatCount(count)} {stateLook(state).word}
                </span>
              ))}
            </span>
            <span className="stations-quarantine-total" data-testid="stations-quarantine">
              {formatCount(data.quarantine.open)}
              {data.quarantine.capped ? '+' : ''} quarantined rows open
              {data.quarantine.unattributed > 0 &&
                ` (${formatCount(data.quarantine.unattributed)} without a station)`}
            </span>
          </>
        )}
      </div>
      <ErrorNote message={error} testId="stations-error" onRetry={reload} />
      {status === 'idle' || status === 'loading' ? (
        <Loading what="stations" testId="stations-loading" />
      ) : data === null ? null : data.stations.length === 0 ? (
        <Empty testId="stations-empty">No stations registered yet.</Empty>
      ) : (
        <div className="stations-list">
          <p className="stations-legend">
            Late after {data.lateFactor} cadences without data, silent after {data.silentFactor};
            rate over the last hour, gaps over the last {data.windowHours} h.
          </p>
          {data.stations.map((station) => (
            <StationTable key={station.id} station={station} nowMs={nowMs} />
          ))}
        </div>
      )}
    </section>
  );
}
