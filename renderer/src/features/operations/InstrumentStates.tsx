import type { InstrumentView } from '../../../../core/contracts/operations';
import { formatAge, formatValue, parseTime } from '../../format';
import { Empty } from '../../shell/PageState';
import { formatUtcSecond } from './commandFormat';
import { useOperations } from './operationsStore';

const CONNECTION_ICON = { connected: '●', disconnected: '○', unknown: '?' } as const;
const CONNECTION_TONE = { connected: 'ok', disconnected: 'bad', unknown: 'unknown' } as const;

/** What each instrument does now: its mode and its last values with their age. */
export function InstrumentStates({ now }: { now: number }) {
  const instruments = useOperations((s) => s.instruments);
  return (
    <section
      className="ops-section"
      aria-labelledby="ops-state-title"
      data-testid="ops-instruments"
    >
      <h2 className="section-title" id="ops-state-title">
        Instruments
      </h2>
      {instruments.length === 0 ? (
        <Empty testId="ops-instruments-empty">No operable instruments are registered.</Empty>
      ) : (
        <div className="ops-instrument-grid">
          {instruments.map((instrument) => (
            <InstrumentCard key={instrument.id} instrument={instrument} now={now} />
          ))}
        </div>
      )}
    </section>
  );
}

function InstrumentCard({ instrument, now }: { instrument: InstrumentView; now: number }) {
  const { live } = instrument;
  const tid = (part: string) => `ops-instrument-${part}-${instrument.id}`;
  return (
    <article
      className="ops-card"
      data-testid={`ops-instrument-${instrument.id}`}
      data-mode={live.mode ?? ''}
    >
      <header className="ops-card-head">
        <strong>{instrument.name}</strong>
        <span className="mono muted">{instrument.id}</span>
      </header>
      <dl className="facts ops-facts">
        <dt>Mode</dt>
        <dd data-testid={tid('mode')}>{live.mode ?? 'not reported yet'}</dd>
        <dt>Link</dt>
        <dd data-testid={tid('connection')}>
          <span
            className="ops-tone"
            data-tone={CONNECTION_TONE[live.connection]}
            aria-hidden="true"
          >
            {CONNECTION_ICON[live.connection]}
          </span>{' '}
          {live.connection}
          {live.lastAckAt !== null && (
            <span className="muted"> · last ack {formatUtcSecond(live.lastAckAt)}</span>
          )}
        </dd>
        <dt>Station</dt>
        <dd data-testid={tid('staffed')}>{instrument.staffed ? 'staffed' : 'not staffed'}</dd>
      </dl>
      {live.values.length === 0 ? (
        <p className="muted">No values yet.</p>
      ) : (
        <table className="data-table ops-values" data-testid={tid('values')}>
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Value</th>
              <th scope="col">Age</th>
            </tr>
          </thead>
          <tbody>
            {live.values.map((v) => (
              <tr key={v.datastream} data-testid={`ops-value-${v.datastream}`}>
                <td className="mono">{v.variable}</td>
                <td className="mono" data-testid={`ops-value-number-${v.datastream}`}>
                  {formatValue(v.value, v.unit)}
                </td>
                <td title={v.time ?? undefined}>{formatAge(parseTime(v.time), now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
