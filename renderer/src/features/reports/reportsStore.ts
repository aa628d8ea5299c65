import { create } from 'zustand';
import type { ReportListItem, StoredReport } from '../../../../core/contracts/report';
import { errorMessage } from '../../api/client';
import {
  fetchEvaluationJob,
  fetchReport,
  fetchReports,
  submitEvaluation,
  type EvaluationRequest,
} from './reportsApi';

/** An evaluation started from this page, followed until its report is stored. */
export interface RunningEvaluation {
  jobId: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number | null;
  message: string | null;
  error: string | null;
}

export interface ReportsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  station: string;
  reports: ReportListItem[];
  selectedId: string | null;
  report: StoredReport | null;
  reportError: string | null;
  run: RunningEvaluation | null;
  runError: string | null;
  load(): Promise<void>;
  filter(station: string): Promise<void>;
  open(id: string | null): Promise<void>;
  start(request: EvaluationRequest): Promise<void>;
  /** One look at the running evaluation; opens its report when it has succeeded. */
  follow(): Promise<void>;
}

export const useReports = create<ReportsState>()((set, get) => ({
  status: 'idle',
  error: null,
  station: '',
  reports: [],
  selectedId: null,
  report: null,
  reportError: null,
  run: null,
  runError: null,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    try {
      set({ status: 'ready', reports: await fetchReports(get().station), error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async filter(station) {
    set({ station });
    await get().load();
  },
  async open(id) {
    set({ selectedId: id, report: null, reportError: null });
    if (id === null) return;
    try {
      const report = await fetchReport(id);
      if (get().selectedId === id) set({ report });
    } catch (error) {
      if (get().selectedId === id) set({ reportError: errorMessage(error) });
    }
  },
  async start(request) {
    set({ runError: null });
    try {
      const jobId = await submitEvaluation(request);
      set({ run: { jobId, state: 'queued', progress: 0, message: null, error: null } });
    } catch (error) {
      set({ runError: errorMessage(error) });
    }
  },
  async follow() {
    const run = get().run;
    if (run === null || !['queued', 'running'].includes(run.state)) return;
    try {
      const { job } = await fetchEvaluationJob(run.jobId);
      const { state, progress, message, error } = job;
      set({ run: { jobId: run.jobId, state, progress, message, error }, runError: null });
      const reportId = job.result?.reportId;
      if (state === 'succeeded' && typeof reportId === 'string') {
        await get().load();
        await get().open(reportId);
      }
    } catch (error) {
      set({ runError: errorMessage(error) });
    }
  },
}));
