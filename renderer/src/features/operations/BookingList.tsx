import { Empty } from '../../shell/PageState';
import { useBookings } from './bookingStore';
import { formatStationTime } from './stationTime';

/** The week's slots as a table: readable without the grid, and where slots are cancelled. */
export function BookingList() {
  const { bookings, zone } = useBookings();
  if (bookings.length === 0)
    return <Empty testId="ops-bookings-none">No slots booked this week.</Empty>;
  return (
    <table className="data-table" data-testid="ops-bookings-table">
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Booked by</th>
          <th scope="col">Purpose</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {bookings.map((b) => (
          <tr key={b.id} data-testid={`ops-booking-row-${b.id}`}>
            <td className="mono">{formatStationTime(b.startMs, zone)}</td>
            <td className="mono">{formatStationTime(b.endMs, zone)}</td>
            <td>{b.user}</td>
            <td>{b.purpose}</td>
            <td>
              <button
                type="button"
                className="button"
                onClick={() => void useBookings.getState().cancel(b.id)}
                data-testid={`ops-booking-cancel-${b.id}`}
              >
                Cancel
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
