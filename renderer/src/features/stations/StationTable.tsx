import type { DatastreamStatus, StationStatus } from '../../../../core/contracts/stations';
import { formatCount, formatUtc, formatValue } from '../../format';
import { openOnLive } from './openOnLive';
import {
  ageSeconds,
  formatAgeSeconds,
  formatCadence,
  formatGaps,
  formatRate,
  stateLook,
} from './stationsFormat';

/** A state as a word beside a shape, in the state's tone: never colour alone. */
export function StateBadge({
  state,
  testId,
}: {
  state: DatastreamStatus['state'];
  testId: string;
}) {
  const look = stateLook(state);
  return (
    <span
      className="station-state"
      data-tone={look.tone}
      data-state={state}
      data-testid={testId}
      title={look.explain}
    >
      <span className="station-state-icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.word}
    </span>
  );
}

function DatastreamRow({ d, nowMs }: { d: DatastreamStatus; nowMs: number }) {
  const age = ageSeconds(d.lastTime, nowMs);
  const examinedNote = `examined ${formatCount(d.examined)} observations since ${formatUtc(Date.parse(d.windowStart))}`;
  return (
    <tr data-testid={`ds-row-${d.key}`} data-state={d.state}>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() => openOnLive(d.key)}
          title={`Open ${d.key} on the Live page`}
          data-testid={`ds-open-${d.key}`}
        >
          {d.variable}
        </button>
      </td>
      <td>
        <StateBadge state={d.state} testId={`ds-state-${d.key}`} />
      </td>
      <td className="num" data-testid={`ds-value-${d.key}`}>
        {formatValue(d.lastValue, d.unit)}
      </td>
      <td title={d.lastTime ?? undefined} data-testid={`ds-age-${d.key}`}>
        {formatAgeSeconds(age)}
      </td>
      <td title={d.cadenceSource === 'estimated' ? 'estimated from the latest data' : undefined}>
        {formatCadence(d)}
      </td>
      <td className="num" title={examinedNote} data-testid={`ds-rate-${d.key}`}>
        {d.lastTime === null ? '—' : formatRate(d.ratePerHour)}
      </td>
      <td title={examinedNote} data-testid={`ds-gaps-${d.key}`}>
        {d.examined === 0 ? '—' : formatGaps(d.gaps)}
      </td>
    </tr>
  );
}

/** One station: its instruments, each with its datastreams, in one table. */
export function StationTable({ station, nowMs }: { station: StationStatus; nowMs: number }) {
  const headingId = `station-heading-${station.id}`;
  return (
    <section className="station-card" data-testid={`station-${station.id}`}>
      <header className="station-card-header">
        <h2 className="station-name" id={headingId}>
          {station.name} <span className="station-id">{station.id}</span>
        </h2>
        <StateBadge state={station.state} testId={`station-state-${station.id}`} />
        <span
          className="station-quarantine"
          data-tone={station.quarantinedOpen > 0 ? 'warn' : 'ok'}
          data-testid={`station-quarantine-${station.id}`}
          title="Rows refused at ingest and kept for review"
        >
          <span aria-hidden="true">{station.quarantinedOpen > 0 ? '⚑' : '·'}</span>{' '}
          {formatCount(station.quarantinedOpen)} quarantined
        </span>
      </header>
      {station.instruments.length === 0 ? (
        <p className="station-empty">No instruments registered.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table station-table" aria-labelledby={headingId}>
            {/* The same widths in every station's table, so the columns line up down the page. */}
            <colgroup>
              <col className="station-col-name" />
              <col className="station-col-state" />
              <col className="station-col-value" />
              <col className="station-col-age" />
              <col className="station-col-cadence" />
              <col className="station-col-rate" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Datastream</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Last value
                </th>
                <th scope="col">Age</th>
                <th scope="col">Cadence</th>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col">Gaps (24 h)</th>
              </tr>
            </thead>
            {station.instruments.map((instrument) => (
              <tbody key={instrument.id} data-testid={`instrument-${station.id}.${instrument.id}`}>
                <tr className="station-instrument">
                  <th scope="rowgroup" colSpan={7}>
                    {instrument.name} <span className="station-id">{instrument.id}</span>
                  </th>
                </tr>
                {instrument.datastreams.map((d) => (
                  <DatastreamRow key={d.key} d={d} nowMs={nowMs} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
