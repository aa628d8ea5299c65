import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import type { Job, JobDetail } from '../../api/controlRoom';
import { cancelJob, fetchJob, fetchJobs } from '../../api/controlRoom';

/** Only these can still be stopped; the server answers 409 for the rest. */
export function cancellable(job: Pick<Job, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

/** Where a job came from: its rule and alert, or the user who asked for it. */
export function originOf(job: Pick<Job, 'origin'>): string {
  const { ruleId, alertId, user } = job.origin;
  if (ruleId !== undefined) return `rule ${ruleId}${alertId ? ` · alert ${alertId}` : ''}`;
  if (user !== undefined) return `user ${user}`;
  return '—';
}

export interface JobsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  jobs: Job[];
  selectedId: string | null;
  detail: JobDetail | null;
  detailError: string | null;
  cancelError: string | null;
  load(): Promise<void>;
  open(id: string | null): Promise<void>;
  cancel(id: string): Promise<void>;
}

export const useJobs = create<JobsState>()((set, get) => ({
  status: 'idle',
  error: null,
  jobs: [],
  selectedId: null,
  detail: null,
  detailError: null,
  cancelError: null,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    try {
      set({ status: 'ready', jobs: await fetchJobs(), error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
    const id = get().selectedId;
    if (id !== null) await get().open(id);
  },
  async open(id) {
    if (id !== get().selectedId) set({ selectedId: id, detail: null, cancelError: null });
    if (id === null) return;
    try {
      const detail = await fetchJob(id);
      if (get().selectedId === id) set({ detail, detailError: null });
    } catch (error) {
      if (get().selectedId === id) set({ detailError: errorMessage(error) });
    }
  },
  async cancel(id) {
    set({ cancelError: null });
    try {
      await cancelJob(id);
    } catch (error) {
      set({ cancelError: errorMessage(error) });
    }
    await get().load();
  },
}));
