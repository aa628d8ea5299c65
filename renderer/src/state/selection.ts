import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  MAX_PANELS,
  MAX_PER_PANEL,
  RANGE_PRESETS,
  type LiveLayout,
  type RangePreset,
} from '../../../core/contracts/layouts';

export { MAX_PANELS, RANGE_PRESETS, type RangePreset };

/** More lines than this on one desk panel stop being readable (and cost a subscription each). */
export const MAX_SELECTED = MAX_PER_PANEL;

export interface TimeRange {
  from: number;
  to: number;
}

export interface SelectionState {
  /** Each panel's datastream keys, in the order they were picked; panels share one time axis. */
  panels: string[][];
  /** The panel the picker adds to. */
  active: number;
  preset: RangePreset;
  follow: boolean;
  /** A range the user zoomed or panned to; overrides the preset until cleared. */
  customRange: TimeRange | null;
  /** Adds a datastream to a panel (the active one by default), or takes it off again. */
  toggle(key: string, panel?: number): void;
  addPanel(): void;
  removePanel(panel: number): void;
  setActive(panel: number): void;
  /** One panel with these datastreams, replacing the layout (Stations, Jobs: "show on Live"). */
  showOnly(keys: readonly string[], range: TimeRange | null): void;
  /** A saved layout's panels and preset, following the clock. */
  applyLayout(layout: LiveLayout): void;
  setPreset(preset: RangePreset): void;
  setFollow(follow: boolean): void;
  setCustomRange(range: TimeRange | null): void;
  /** Drops keys the catalog no longer knows (a restored selection from another database). */
  retain(known: ReadonlySet<string>): void;
}

const defaults = {
  panels: [[]] as string[][],
  active: 0,
  preset: '24h' as RangePreset,
  follow: true,
  customRange: null,
};

/** The active panel's keys: what the picker shows checked. */
export const activeKeys = (s: Pick<SelectionState, 'panels' | 'active'>): string[] =>
  s.panels[s.active] ?? [];

/** Every datastream on any panel, once: what the live feed subscribes to. */
export function allKeys(panels: readonly string[][]): string[] {
  return [...new Set(panels.flat())];
}

/** The page as a layout to save. */
export function layoutOf(s: Pick<SelectionState, 'panels' | 'preset'>): LiveLayout {
  return { panels: s.panels.map((keys) => ({ keys: [...keys] })), preset: s.preset };
}

export const useSelection = create<SelectionState>()(
  persist(
    (set, get) => ({
      ...defaults,
      toggle(key, panel = get().active) {
        const panels = get().panels.map((keys, i) => {
          if (i !== panel) return keys;
          if (keys.includes(key)) return keys.filter((k) => k !== key);
          return keys.length < MAX_SELECTED ? [...keys, key] : keys;
        });
        set({ panels });
      },
      addPanel() {
        const { panels } = get();
        if (panels.length < MAX_PANELS) set({ panels: [...panels, []], active: panels.length });
      },
      removePanel(panel) {
        const { panels, active } = get();
        if (panels.length <= 1) return set({ panels: [[]], active: 0 });
        const rest = panels.filter((_, i) => i !== panel);
        set({
          panels: rest,
          active: Math.min(active > panel ? active - 1 : active, rest.length - 1),
        });
      },
      setActive: (panel) => set({ active: Math.max(0, Math.min(panel, get().panels.length - 1)) }),
      showOnly: (keys, range) =>
        set({
          panels: [keys.slice(0, MAX_SELECTED)],
          active: 0,
          customRange: range,
          follow: range === null,
        }),
      applyLayout: (layout) =>
        set({
          panels: layout.panels.map((p) => p.keys.slice(0, MAX_SELECTED)),
          active: 0,
          preset: layout.preset,
          customRange: null,
          follow: true,
        }),
      // Choosing a preset or following again means "stop looking at my zoomed range".
      setPreset: (preset) => set({ preset, customRange: null }),
      setFollow: (follow) => set(follow ? { follow, customRange: null } : { follow }),
      // Zooming or panning into the past must stop the view from sliding away under the user.
      setCustomRange: (customRange) =>
        set(customRange ? { customRange, follow: false } : { customRange }),
      retain(known) {
        const { panels } = get();
        const kept = panels.map((keys) => keys.filter((k) => known.has(k)));
        if (kept.some((keys, i) => keys.length !== panels[i]?.length)) set({ panels: kept });
      },
    }),
    {
      // An operator reloading the desk gets the same panels back; zoom state is not restored.
      name: 'firn.selection',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ panels, active, preset, follow }) => ({ panels, active, preset, follow }),
      // Version 0 had one panel: its `keys` become the first panel.
      migrate: (persisted, version) => {
        const old = (persisted ?? {}) as { keys?: unknown; panels?: unknown };
        return (version >= 1 ? old : { ...old, panels: [old.keys] }) as SelectionState;
      },
      // What another version, or a hand, left in localStorage: only what still fits.
      merge: (persisted, current) => ({ ...current, ...restored(persisted) }),
    },
  ),
);

function restored(persisted: unknown): Partial<SelectionState> {
  const state = (persisted ?? {}) as Record<string, unknown>;
  const panels = (Array.isArray(state.panels) ? state.panels : [])
    .slice(0, MAX_PANELS)
    .map((keys: unknown) =>
      (Array.isArray(keys) ? keys : [])
        .filter((k): k is string => typeof k === 'string')
        .slice(0, MAX_SELECTED),
    );
  if (panels.length === 0) panels.push([]);
  const active = typeof state.active === 'number' ? state.active : 0;
  return {
    panels,
    active: Math.max(0, Math.min(Math.floor(active) || 0, panels.length - 1)),
    ...(RANGE_PRESETS.includes(state.preset as RangePreset)
      ? { preset: state.preset as RangePreset }
      : {}),
    ...(typeof state.follow === 'boolean' ? { follow: state.follow } : {}),
  };
}

export function resetSelection(): void {
  useSelection.setState({ ...defaults, panels: [[]] });
}
