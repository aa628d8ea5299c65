import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import {
  fetchAlertDeliveries,
  fetchAlertDetail,
  type AlertDetail,
  type NotifyJobDeliveries,
} from './deliveriesApi';

export interface AlertDetailState {
  selectedId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  detail: AlertDetail | null;
  notifications: NotifyJobDeliveries[];
  /** Selects an alert (null: none) and loads it; the same id again refreshes it. */
  select(id: string | null): Promise<void>;
}

let loadSeq = 0;

export const useAlertDetail = create<AlertDetailState>()((set, get) => ({
  selectedId: null,
  status: 'idle',
  error: null,
  detail: null,
  notifications: [],
  async select(id) {
    const seq = ++loadSeq;
    const same = id === get().selectedId && get().status === 'ready';
    set({
      selectedId: id,
      ...(same ? {} : { status: 'loading', detail: null, notifications: [] }),
    });
    if (id === null) return set({ status: 'idle', error: null });
    try {
      const [detail, notifications] = await Promise.all([
        fetchAlertDetail(id),
        fetchAlertDeliveries(id),
      ]);
      if (seq === loadSeq) set({ status: 'ready', error: null, detail, notifications });
    } catch (error) {
      if (seq === loadSeq) set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
