import { useEffect } from 'react';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { BookingForm } from './BookingForm';
import { BookingList } from './BookingList';
import { weekDays } from './calendarWeek';
import { deskZone, useBookings } from './bookingStore';
import { useOperations } from './operationsStore';
import { WeekGrid } from './WeekGrid';

/** A week of measurement time per instrument, in station time; request a slot or cancel one. */
export function BookingCalendar() {
  const instruments = useOperations((s) => s.instruments);
  const { instrument, zone, weekStartMs, status, error, bookings, cancelError } = useBookings();
  useEffect(() => {
    const first = instruments[0];
    if (useBookings.getState().instrument === null && first !== undefined) {
      useBookings.getState().setInstrument(first.id);
    }
  }, [instruments]);
  const days = weekDays(weekStartMs, zone);
  const store = useBookings.getState;
  const zones = [...new Set([deskZone(), 'UTC'])];

  return (
    <section
      className="ops-section"
      aria-labelledby="ops-bookings-title"
      data-testid="ops-bookings"
    >
      <div className="page-toolbar">
        <h2 className="section-title" id="ops-bookings-title">
          Bookings
        </h2>
        <label>
          <span className="json-label">Instrument </span>
          <select
            className="input"
            value={instrument ?? ''}
            onChange={(e) => store().setInstrument(e.target.value)}
            data-testid="ops-bookings-instrument"
          >
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="json-label">Times in </span>
          <select
            className="input"
            value={zone}
            onChange={(e) => store().setZone(e.target.value)}
            data-testid="ops-bookings-zone"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z === deskZone() ? `${z} (station)` : z}
              </option>
            ))}
          </select>
        </label>
        <span className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => store().moveWeek(-1)}
            data-testid="ops-bookings-prev"
            aria-label="Previous week"
          >
            ‹ Week
          </button>
          <span data-testid="ops-bookings-week">
            {days[0]?.label} – {days[6]?.label}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => store().moveWeek(1)}
            data-testid="ops-bookings-next"
            aria-label="Next week"
          >
            Week ›
          </button>
        </span>
      </div>
      <ErrorNote message={error} testId="ops-bookings-error" onRetry={() => void store().load()} />
      <ErrorNote message={cancelError} testId="ops-bookings-cancel-error" />
      {instrument === null ? (
        <Empty testId="ops-bookings-empty">No instrument to book.</Empty>
      ) : status === 'idle' || status === 'loading' ? (
        <Loading what="bookings" testId="ops-bookings-loading" />
      ) : (
        <WeekGrid days={days} zone={zone} bookings={bookings} />
      )}
      <BookingForm />
      <BookingList />
    </section>
  );
}
