import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import type { Alert, AlertFilter } from '../../api/controlRoom';
import { acknowledgeAlert, fetchAlerts, shelveAlert } from '../../api/controlRoom';

export interface AlertsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  alerts: Alert[];
  filter: AlertFilter;
  /** The last failed action per alert id (acknowledge or shelve), shown on its row. */
  actionErrors: Record<string, string>;
  busy: Record<string, boolean>;
  load(): Promise<void>;
  setFilter(filter: Partial<AlertFilter>): void;
  acknowledge(id: string, comment: string): Promise<boolean>;
  shelve(id: string, duration: string | null): Promise<boolean>;
}

/** Replaces one alert in the list with the server's answer. */
export function withAlert(alerts: readonly Alert[], next: Alert): Alert[] {
  return alerts.map((a) => (a.id === next.id ? next : a));
}

let loadSeq = 0;

export const useAlerts = create<AlertsState>()((set, get) => {
  const act = async (id: string, call: () => Promise<Alert>): Promise<boolean> => {
    set((s) => ({ busy: { ...s.busy, [id]: true }, actionErrors: omit(s.actionErrors, id) }));
    try {
      const alert = await call();
      set((s) => ({ alerts: withAlert(s.alerts, alert) }));
      return true;
    } catch (error) {
      set((s) => ({ actionErrors: { ...s.actionErrors, [id]: errorMessage(error) } }));
      return false;
    } finally {
      set((s) => ({ busy: omit(s.busy, id) }));
    }
  };
  return {
    status: 'idle',
    error: null,
    alerts: [],
    filter: { openOnly: true, rule: '' },
    actionErrors: {},
    busy: {},
    async load() {
      const seq = ++loadSeq;
      // A refetch keeps showing the current list; only the first load shows "loading".
      set({ status: get().status === 'ready' ? 'ready' : 'loading' });
      try {
        const alerts = await fetchAlerts(get().filter);
        if (seq === loadSeq) set({ status: 'ready', alerts, error: null });
      } catch (error) {
        if (seq === loadSeq) set({ status: 'error', error: errorMessage(error) });
      }
    },
    setFilter(filter) {
      set({ filter: { ...get().filter, ...filter }, status: 'loading' });
      void get().load();
    },
    acknowledge: (id, comment) => act(id, () => acknowledgeAlert(id, comment)),
    shelve: (id, duration) => act(id, () => shelveAlert(id, duration)),
  };
});

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
