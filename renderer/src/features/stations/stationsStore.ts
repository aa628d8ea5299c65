import { create } from 'zustand';
import type { StationsStatusResponse } from '../../../../core/contracts/stations';
import { errorMessage } from '../../api/client';
import { fetchStationsStatus } from './stationsApi';

export interface StationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last poll's failure; the last good answer stays on screen beside it. */
  error: string | null;
  data: StationsStatusResponse | null;
  load(): Promise<void>;
}

export const useStations = create<StationsState>()((set, get) => ({
  status: 'idle',
  error: null,
  data: null,
  async load() {
    if (get().data === null) set({ status: 'loading' });
    try {
      set({ status: 'ready', data: await fetchStationsStatus(), error: null });
    } catch (error) {
      // A failed poll keeps what was shown (marked by the error note), as the header does.
      set({ status: get().data === null ? 'error' : 'ready', error: errorMessage(error) });
    }
  },
}));
