import { create } from 'zustand';
import type { Booking } from '../../../../core/contracts/bookings';
import { errorMessage } from '../../api/client';
import { shiftWeek, weekStartMs } from './calendarWeek';
import { fromLocalInput } from './stationTime';
import { cancelBooking, fetchBookings, requestBooking } from './operationsApi';

/** The desk's own zone: the control room sits at the station, so its clock is station time. */
export function deskZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface BookingDraft {
  /** `datetime-local` values in station time. */
  start: string;
  end: string;
  purpose: string;
}

export interface BookingState {
  zone: string;
  instrument: string | null;
  weekStartMs: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  bookings: Booking[];
  draft: BookingDraft;
  submitting: boolean;
  /** Why the last request was refused (the server's reason, naming the slot in the way). */
  refusal: string | null;
  confirmedId: string | null;
  cancelError: string | null;
  setInstrument(id: string): void;
  setZone(zone: string): void;
  moveWeek(weeks: number): void;
  editDraft(change: Partial<BookingDraft>): void;
  load(): Promise<void>;
  submit(): Promise<void>;
  cancel(id: string): Promise<void>;
}

export const useBookings = create<BookingState>()((set, get) => ({
  zone: deskZone(),
  instrument: null,
  weekStartMs: weekStartMs(Date.now(), deskZone()),
  status: 'idle',
  error: null,
  bookings: [],
  draft: { start: '', end: '', purpose: '' },
  submitting: false,
  refusal: null,
  confirmedId: null,
  cancelError: null,
  setInstrument(id) {
    if (id === get().instrument) return;
    set({ instrument: id, bookings: [], status: 'idle', refusal: null, confirmedId: null });
    void get().load();
  },
  setZone(zone) {
    set({ zone, weekStartMs: weekStartMs(get().weekStartMs + 12 * 3_600_000, zone) });
    void get().load();
  },
  moveWeek(weeks) {
    set({ weekStartMs: shiftWeek(get().weekStartMs, weeks, get().zone) });
    void get().load();
  },
  editDraft(change) {
    set({ draft: { ...get().draft, ...change }, refusal: null, confirmedId: null });
  },
  async load() {
    const { instrument, weekStartMs: from, zone } = get();
    if (instrument === null) return;
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const to = shiftWeek(from, 1, zone);
      const bookings = await fetchBookings(instrument, from, to);
      if (get().instrument === instrument) set({ status: 'ready', bookings, error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async submit() {
    const { instrument, draft, zone } = get();
    if (instrument === null) return;
    const startMs = fromLocalInput(draft.start, zone);
    const endMs = fromLocalInput(draft.end, zone);
    if (startMs === null || endMs === null) {
      set({ refusal: 'give a start and an end' });
      return;
    }
    set({ submitting: true, refusal: null, confirmedId: null });
    try {
      const booking = await requestBooking({ instrument, startMs, endMs, purpose: draft.purpose });
      set({ confirmedId: booking.id, draft: { start: '', end: '', purpose: '' } });
    } catch (error) {
      set({ refusal: errorMessage(error) });
    }
    set({ submitting: false });
    await get().load();
  },
  async cancel(id) {
    set({ cancelError: null });
    try {
      await cancelBooking(id);
    } catch (error) {
      set({ cancelError: errorMessage(error) });
    }
    await get().load();
  },
}));
