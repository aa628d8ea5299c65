import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import { inputOfForm, type ScheduleForm } from './scheduleForm';
import * as api from './schedulesApi';
import type { StoredSchedule } from './schedulesApi';

export interface SchedulesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  schedules: StoredSchedule[];
  /** The schedule being edited: 'new', an id, or null (none). */
  editing: string | null;
  saveError: string | null;
  /** The last failed action per schedule id, shown on its row. */
  actionErrors: Record<string, string>;
  /** The job the last "run now" queued, per schedule id. */
  ranJobs: Record<string, string>;
  load(): Promise<void>;
  edit(id: string | null): void;
  save(form: ScheduleForm): Promise<boolean>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  runNow(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

let loadSeq = 0;

export const useSchedules = create<SchedulesState>()((set, get) => {
  const act = async (id: string, call: () => Promise<unknown>) => {
    const { [id]: _old, ...rest } = get().actionErrors;
    set({ actionErrors: rest });
    try {
      await call();
    } catch (error) {
      set((s) => ({ actionErrors: { ...s.actionErrors, [id]: errorMessage(error) } }));
    }
    await get().load();
  };
  return {
    status: 'idle',
    error: null,
    schedules: [],
    editing: null,
    saveError: null,
    actionErrors: {},
    ranJobs: {},
    async load() {
      const seq = ++loadSeq;
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const schedules = await api.fetchSchedules();
        if (seq === loadSeq) set({ status: 'ready', schedules, error: null });
      } catch (error) {
        if (seq === loadSeq) set({ status: 'error', error: errorMessage(error) });
      }
    },
    edit: (id) => set({ editing: id, saveError: null }),
    async save(form) {
      const checked = inputOfForm(form);
      if ('error' in checked) {
        set({ saveError: checked.error });
        return false;
      }
      const editing = get().editing;
      try {
        if (editing === null || editing === 'new') await api.createSchedule(checked.input);
        else await api.updateSchedule(editing, checked.input);
      } catch (error) {
        set({ saveError: errorMessage(error) });
        return false;
      }
      set({ editing: null, saveError: null });
      await get().load();
      return true;
    },
    setEnabled: (id, enabled) => act(id, () => api.setScheduleEnabled(id, enabled)),
    runNow: (id) =>
      act(id, async () => {
        const job = await api.runScheduleNow(id);
        set((s) => ({ ranJobs: { ...s.ranJobs, [id]: job.id } }));
      }),
    remove: (id) => act(id, () => api.deleteSchedule(id)),
  };
});
