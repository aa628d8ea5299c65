import { create } from 'zustand';
import { routePath, routes } from '../../../../core/contracts/http';
import type { SavedLayout } from '../../../../core/contracts/layouts';
import { errorMessage, getJson, sendJson } from '../../api/client';
import { layoutOf, useSelection } from '../../state/selection';
import { actingUserName } from '../session/actingUser';

export interface LayoutsState {
  /** The acting user's saved layouts, by name. */
  layouts: SavedLayout[];
  /** The layout last opened or saved: what Save overwrites. */
  current: string | null;
  error: string | null;
  busy: boolean;
  load(): Promise<void>;
  /** Saves the page's panels and preset under `name` (replacing one of that name). */
  save(name: string): Promise<void>;
  open(name: string): void;
  remove(name: string): Promise<void>;
}

const byName = (layouts: SavedLayout[]) =>
  [...layouts].sort((a, b) => a.name.localeCompare(b.name));

/** Live layouts saved per user on the server, so a desk and a laptop share them. */
export const useLayouts = create<LayoutsState>()((set, get) => {
  /** Runs a call, showing its refusal (a bad name, too many layouts) instead of throwing. */
  async function attempt(work: (user: string) => Promise<void>): Promise<void> {
    set({ busy: true, error: null });
    try {
      await work(actingUserName());
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: false });
    }
  }
  return {
    layouts: [],
    current: null,
    error: null,
    busy: false,
    load: () =>
      attempt(async (name) => {
        const path = routePath('layouts', { name });
        set({ layouts: (await getJson(path, routes.layouts.response)).layouts });
      }),
    save: (layout) =>
      attempt(async (name) => {
        const path = routePath('saveLayout', { name, layout });
        const body = layoutOf(useSelection.getState());
        const saved = await sendJson('PUT', path, body, routes.saveLayout.response);
        const others = get().layouts.filter((l) => l.name !== saved.name);
        set({ layouts: byName([...others, saved]), current: saved.name });
      }),
    open(name) {
      const saved = get().layouts.find((l) => l.name === name);
      if (!saved) return;
      useSelection.getState().applyLayout(saved.layout);
      set({ current: name, error: null });
    },
    remove: (layout) =>
      attempt(async (name) => {
        await sendJson('DELETE', routePath('deleteLayout', { name, layout }), undefined, null);
        set({
          layouts: get().layouts.filter((l) => l.name !== layout),
          current: get().current === layout ? null : get().current,
        });
      }),
  };
});
