import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import type { StoredRule } from '../../api/controlRoom';
import * as api from '../../api/controlRoom';
import { parseDocument } from './ruleDraft';

export interface RulesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  rules: StoredRule[];
  /** The stored rule in the editor; null for a new one. */
  selectedId: string | null;
  text: string;
  /** The server's answer to the last create/save/delete (its 400 names each problem). */
  editorError: string | null;
  notice: string | null;
  busy: boolean;
  /** Enable toggles that failed, by rule id. */
  toggleErrors: Record<string, string>;
  load(): Promise<void>;
  select(rule: StoredRule | null, text: string): void;
  setText(text: string): void;
  create(): Promise<void>;
  save(): Promise<void>;
  remove(): Promise<void>;
  toggleEnabled(rule: StoredRule): Promise<void>;
}

export function pretty(document: unknown): string {
  return JSON.stringify(document, null, 2);
}

export const useRules = create<RulesState>()((set, get) => {
  /** Runs an editor action: parse the text, call the server, reload the list. */
  const edit = async (
    call: (document: Record<string, unknown>) => Promise<StoredRule | null>,
    notice: (rule: StoredRule | null) => string,
  ) => {
    const parsed = parseDocument(get().text);
    if (!parsed.ok) return set({ editorError: parsed.error, notice: null });
    set({ busy: true, editorError: null, notice: null });
    try {
      const rule = await call(parsed.document);
      set({
        notice: notice(rule),
        selectedId: rule?.id ?? null,
        text: rule ? pretty(rule.document) : get().text,
      });
      await get().load();
    } catch (error) {
      set({ editorError: errorMessage(error) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    status: 'idle',
    error: null,
    rules: [],
    selectedId: null,
    text: '',
    editorError: null,
    notice: null,
    busy: false,
    toggleErrors: {},
    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading' });
      try {
        set({ status: 'ready', rules: await api.fetchRules(), error: null });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    select: (rule, text) =>
      set({ selectedId: rule?.id ?? null, text, editorError: null, notice: null }),
    setText: (text) => set({ text }),
    create: () => edit(api.createRule, (r) => `created ${r?.id ?? ''}`),
    save: () => {
      const id = get().selectedId;
      if (id === null) return get().create();
      return edit(
        (document) => api.updateRule(id, document),
        (r) => `saved ${r?.id ?? ''}, version ${r?.version ?? ''}`,
      );
    },
    async remove() {
      const id = get().selectedId;
      if (id === null) return;
      set({ busy: true, editorError: null, notice: null });
      try {
        await api.deleteRule(id);
        set({ selectedId: null, text: '', notice: `deleted ${id}` });
        await get().load();
      } catch (error) {
        set({ editorError: errorMessage(error) });
      } finally {
        set({ busy: false });
      }
    },
    async toggleEnabled(rule) {
      const { [rule.id]: _old, ...others } = get().toggleErrors;
      // Shown switched at once (a checkbox that lags the click reads as broken), put back on error.
      const flip = (enabled: boolean) =>
        set((s) => ({ rules: s.rules.map((r) => (r.id === rule.id ? { ...r, enabled } : r)) }));
      set({ toggleErrors: others });
      flip(!rule.enabled);
      try {
        const next = await api.updateRule(rule.id, { ...rule.document, enabled: !rule.enabled });
        set((s) => ({
          rules: s.rules.map((r) => (r.id === next.id ? next : r)),
          text: s.selectedId === next.id ? pretty(next.document) : s.text,
        }));
      } catch (error) {
        flip(rule.enabled);
        set((s) => ({ toggleErrors: { ...s.toggleErrors, [rule.id]: errorMessage(error) } }));
      }
    },
  };
});
