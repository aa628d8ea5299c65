import { create } from 'zustand';
import type { QuarantineRow } from '../../../../core/contracts/uploads';
import { errorMessage } from '../../api/client';
import { discardQuarantined, fetchQuarantine, fixQuarantined } from './uploadsApi';

const PAGE = 50;

/** What is being done to one row: its fix being edited, a call under way, the last refusal. */
export interface RowWork {
  draft: string | null;
  busy: boolean;
  error: string | null;
}

export interface QuarantineState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  filter: string;
  rows: QuarantineRow[];
  total: number;
  nextBefore: number | null;
  work: Record<number, RowWork>;
  /** The last rows closed here, to say what happened to them. */
  closed: { id: number; resolution: string }[];
  load(): Promise<void>;
  loadMore(): Promise<void>;
  setFilter(filter: string): Promise<void>;
  edit(id: number, draft: string | null): void;
  fix(id: number): Promise<void>;
  discard(id: number): Promise<void>;
}

const idle: RowWork = { draft: null, busy: false, error: null };

export const useQuarantine = create<QuarantineState>()((set, get) => {
  const setWork = (id: number, change: Partial<RowWork>) =>
    set({ work: { ...get().work, [id]: { ...(get().work[id] ?? idle), ...change } } });
  const close = (id: number, resolution: string) => {
    const { [id]: _gone, ...work } = get().work;
    set({
      rows: get().rows.filter((r) => r.id !== id),
      total: Math.max(0, get().total - 1),
      work,
      closed: [{ id, resolution }, ...get().closed].slice(0, 5),
    });
  };

  return {
    status: 'idle',
    error: null,
    filter: '',
    rows: [],
    total: 0,
    nextBefore: null,
    work: {},
    closed: [],
    async load() {
      const filter = get().filter;
      set({ status: get().status === 'ready' ? 'ready' : 'loading' });
      try {
        const page = await fetchQuarantine({ error: filter, before: null, limit: PAGE });
        if (get().filter !== filter) return; // a newer filter is loading
        set({ status: 'ready', error: null, ...page });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    async loadMore() {
      const { filter, nextBefore } = get();
      if (nextBefore === null) return;
      try {
        const page = await fetchQuarantine({ error: filter, before: nextBefore, limit: PAGE });
        if (get().filter !== filter) return;
        const known = new Set(get().rows.map((r) => r.id));
        set({
          rows: [...get().rows, ...page.rows.filter((r) => !known.has(r.id))],
          total: page.total,
          nextBefore: page.nextBefore,
          error: null,
        });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    async setFilter(filter) {
      set({ filter });
      await get().load();
    },
    edit(id, draft) {
      setWork(id, { draft, error: null });
    },
    async fix(id) {
      const draft = get().work[id]?.draft;
      if (draft === null || draft === undefined) return;
      setWork(id, { busy: true, error: null });
      try {
        const answer = await fixQuarantined(id, draft);
        close(id, answer.duplicates > 0 ? 'fixed (already stored)' : 'fixed');
      } catch (error) {
        setWork(id, { busy: false, error: errorMessage(error) });
      }
    },
    async discard(id) {
      setWork(id, { busy: true, error: null });
      try {
        await discardQuarantined(id);
        close(id, 'discarded');
      } catch (error) {
        setWork(id, { busy: false, error: errorMessage(error) });
      }
    },
  };
});
