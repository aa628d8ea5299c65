import { useBookings } from './bookingStore';

/** Request a slot: start and end in station time, and what it is for. Refusals show here. */
export function BookingForm() {
  const { draft, submitting, refusal, confirmedId, zone } = useBookings();
  const edit = useBookings.getState().editDraft;
  const complete = draft.start !== '' && draft.end !== '' && draft.purpose.trim() !== '';
  return (
    <form
      className="inline-form ops-booking-form"
      aria-label="Request a slot"
      data-testid="ops-booking-form"
      onSubmit={(e) => {
        e.preventDefault();
        void useBookings.getState().submit();
      }}
    >
      <label>
        <span className="json-label">Start ({zone})</span>
        <input
          className="input"
          type="datetime-local"
          value={draft.start}
          onChange={(e) => edit({ start: e.target.value })}
          data-testid="ops-booking-start"
          required
        />
      </label>
      <label>
        <span className="json-label">End ({zone})</span>
        <input
          className="input"
          type="datetime-local"
          value={draft.end}
          onChange={(e) => edit({ end: e.target.value })}
          data-testid="ops-booking-end"
          required
        />
      </label>
      <label>
        <span className="json-label">Purpose</span>
        <input
          className="input input--wide"
          value={draft.purpose}
          maxLength={500}
          onChange={(e) => edit({ purpose: e.target.value })}
          data-testid="ops-booking-purpose"
          required
        />
      </label>
      <button
        type="submit"
        className="button button--primary"
        disabled={submitting || !complete}
        data-testid="ops-booking-submit"
      >
        Request slot
      </button>
      {refusal !== null && (
        <p className="inline-error" role="alert" data-testid="ops-booking-refusal">
          ⚠ Refused: {refusal}
        </p>
      )}
      {confirmedId !== null && (
        <p className="notice" role="status" data-testid="ops-booking-confirmed">
          ✓ Confirmed ({confirmedId})
        </p>
      )}
    </form>
  );
}
