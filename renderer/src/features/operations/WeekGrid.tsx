import type { MouseEvent } from 'react';
import type { Booking } from '../../../../core/contracts/bookings';
import { useBookings } from './bookingStore';
import { blocksOf, type CalendarDay } from './calendarWeek';
import { formatStationTime, toLocalInput } from './stationTime';

const HOUR_MS = 3_600_000;

/** The week's slots as blocks in day columns; a click on free time drafts an hour there. */
export function WeekGrid({
  days,
  zone,
  bookings,
}: {
  days: CalendarDay[];
  zone: string;
  bookings: Booking[];
}) {
  /** A click on free time starts a one-hour draft there; the form is the keyboard's way. */
  const pick = (day: CalendarDay, event: MouseEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientY - box.top) / box.height;
    const hour = Math.floor((fraction * (day.endMs - day.startMs)) / HOUR_MS);
    const startMs = day.startMs + hour * HOUR_MS;
    useBookings.getState().editDraft({
      start: toLocalInput(startMs, zone),
      end: toLocalInput(startMs + HOUR_MS, zone),
    });
  };
  return (
    <div
      className="ops-week"
      data-testid="ops-week"
      role="group"
      aria-label="Booked slots this week"
    >
      <div className="ops-hours" aria-hidden="true">
        {[0, 3, 6, 9, 12, 15, 18, 21].map((hour) => (
          <span key={hour} style={{ top: `${(hour / 24) * 100}%` }}>
            {String(hour).padStart(2, '0')}
          </span>
        ))}
      </div>
      {days.map((day, index) => (
        <div key={day.startMs} className="ops-day">
          <div className="ops-day-label">{day.label}</div>
          <div
            className="ops-day-body"
            onClick={(e) => pick(day, e)}
            data-testid={`ops-day-${index}`}
            data-date={toLocalInput(day.startMs, zone).slice(0, 10)}
          >
            {bookings.flatMap((booking) =>
              blocksOf(booking, days)
                .filter((b) => b.day === index)
                .map((block) => (
                  <div
                    key={`${booking.id}-${block.day}`}
                    className="ops-slot"
                    style={{
                      top: `${block.top * 100}%`,
                      height: `${Math.max(block.height * 100, 2)}%`,
                    }}
                    title={`${booking.user}: ${booking.purpose}\n${formatStationTime(booking.startMs, zone)} – ${formatStationTime(booking.endMs, zone)}`}
                    data-testid={`ops-slot-${booking.id}`}
                  >
                    <span className="ops-slot-user">{booking.user}</span> {booking.purpose}
                  </div>
                )),
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
