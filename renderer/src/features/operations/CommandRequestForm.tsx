import { useEffect } from 'react';
import { useCan } from '../session/useCan';
import { useBookings } from './bookingStore';
import { formatUtcSecond, RISK_LABEL } from './commandFormat';
import { useCommandRequest } from './commandRequestStore';
import { useOperations } from './operationsStore';
import { ParamInputs } from './CommandParamInputs';
import { RequestWhen } from './RequestWhen';

/**
 * Ask for a command: instrument, a command of its catalogue, its parameters, and when
 * (now, or a time in one of your booked slots, in station time like the calendar). The
 * server checks everything; its refusal shows here as it comes.
 */
export function CommandRequestForm() {
  const instruments = useOperations((s) => s.instruments);
  const zone = useBookings((s) => s.zone);
  const { draft, submitting, refusal, made } = useCommandRequest();
  const store = useCommandRequest.getState;
  const can = useCan('scientist');
  useEffect(() => {
    const first = instruments[0];
    if (store().draft.instrument === '' && first !== undefined) {
      store().edit({ instrument: first.id, command: first.commands[0]?.name ?? '' });
    }
  }, [instruments, store]);
  const instrument = instruments.find((i) => i.id === draft.instrument);
  const spec = instrument?.commands.find((c) => c.name === draft.command);

  return (
    <section className="ops-section" aria-labelledby="ops-request-title" data-testid="ops-request">
      <h2 className="section-title" id="ops-request-title">
        Request a command
      </h2>
      <form
        className="inline-form ops-request-form"
        aria-label="Request a command"
        data-testid="ops-request-form"
        title={can.reason}
        // The server checks ranges and slots; its reason shows here rather than a browser tooltip.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void store().submit(zone);
        }}
      >
        <fieldset disabled={!can.allowed} className="ops-request-fields">
          <label>
            <span className="json-label">Instrument</span>
            <select
              className="input"
              value={draft.instrument}
              onChange={(e) => {
                const next = instruments.find((i) => i.id === e.target.value);
                store().edit({
                  instrument: e.target.value,
                  command: next?.commands[0]?.name ?? '',
                });
              }}
              data-testid="ops-request-instrument"
            >
              {instruments.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.id})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="json-label">Command</span>
            <select
              className="input"
              value={draft.command}
              onChange={(e) => store().edit({ command: e.target.value })}
              data-testid="ops-request-command"
            >
              {(instrument?.commands ?? []).map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} — {RISK_LABEL[c.risk]}
                </option>
              ))}
            </select>
          </label>
          {spec !== undefined && <ParamInputs spec={spec} values={draft.params} />}
          <RequestWhen draft={draft} zone={zone} />
          <button
            type="submit"
            className="button button--primary"
            disabled={submitting || spec === undefined}
            data-testid="ops-request-submit"
          >
            Request
          </button>
        </fieldset>
        {!can.allowed && (
          <p className="muted" data-testid="ops-request-denied">
            Requesting commands {can.reason}.
          </p>
        )}
        {refusal !== null && (
          <p className="inline-error" role="alert" data-testid="ops-request-refusal">
            ⚠ Refused: {refusal}
          </p>
        )}
        {made !== null && (
          <p className="notice" role="status" data-testid="ops-request-made">
            ✓ {made.id}:{' '}
            {made.state === 'scheduled'
              ? `scheduled for ${formatUtcSecond(made.notBefore)} in booking ${made.bookingId ?? '—'}`
              : `${made.state}, waiting for an operator`}
          </p>
        )}
      </form>
    </section>
  );
}
