import { create } from 'zustand';
import type { DatastreamSummary } from '../../../core/contracts/http';
import type { Station } from '../../../core/domain/station';
import { errorMessage } from '../api/client';
import { fetchDatastreams, fetchStations } from '../api/endpoints';

export interface LatestSample {
  t: number;
  v: number;
}

export interface CatalogState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  stations: Station[];
  datastreams: DatastreamSummary[];
  /**
   * Wall-clock time (epoch ms) of the last load or live refresh: the lastTimes are at most
   * this new, so a clock showing their age must not be older than this.
   */
  refreshedAt: number;
  /** Loads stations and datastreams; keeps showing the previous catalog while reloading. */
  load(): Promise<void>;
  /**
   * Folds the newest live samples into lastTime/lastValue. Called throttled by the live
   * service (a few times a minute at most), never per sample, so the picker stays calm.
   */
  applyLatest(latest: ReadonlyMap<string, LatestSample>): void;
}

type CatalogData = Pick<
  CatalogState,
  'status' | 'error' | 'stations' | 'datastreams' | 'refreshedAt'
>;
const initial: CatalogData = {
  status: 'idle',
  error: null,
  stations: [],
  datastreams: [],
  refreshedAt: 0,
};

export const useCatalog = create<CatalogState>()((set, get) => ({
  ...initial,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      const [stations, datastreams] = await Promise.all([fetchStations(), fetchDatastreams()]);
      set({ status: 'ready', stations, datastreams, error: null, refreshedAt: Date.now() });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  applyLatest(latest) {
    if (latest.size === 0) return;
    let changed = false;
    const datastreams = get().datastreams.map((ds) => {
      const sample = latest.get(ds.key);
      const known = ds.lastTime === null ? -Infinity : Date.parse(ds.lastTime);
      if (!sample || sample.t <= known) return ds;
      changed = true;
      return { ...ds, lastTime: new Date(sample.t).toISOString(), lastValue: sample.v };
    });
    if (changed) set({ datastreams, refreshedAt: Date.now() });
  },
}));

export function resetCatalog(): void {
  useCatalog.setState(initial);
}

/** Newest lastTime (epoch ms) among the given datastreams; null when none has data. */
export function latestTimeOf(datastreams: readonly DatastreamSummary[]): number | null {
  let latest: number | null = null;
  for (const ds of datastreams) {
    if (ds.lastTime === null) continue;
    const t = Date.parse(ds.lastTime);
    if (Number.isFinite(t) && (latest === null || t > latest)) latest = t;
  }
  return latest;
}
