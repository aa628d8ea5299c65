import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '1y', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** More lines than this on one desk panel stop being readable (and cost a subscription each). */
export const MAX_SELECTED = 8;

export interface TimeRange {
  from: number;
  to: number;
}

export interface SelectionState {
  /** Datastream keys shown in the live panel, in the order they were picked. */
  keys: string[];
  preset: RangePreset;
  follow: boolean;
  /** A range the user zoomed or panned to; overrides the preset until cleared. */
  customRange: TimeRange | null;
  toggle(key: string): void;
  setPreset(preset: RangePreset): void;
  setFollow(follow: boolean): void;
  setCustomRange(range: TimeRange | null): void;
  /** Drops keys the catalog no longer knows (a restored selection from another database). */
  retain(known: ReadonlySet<string>): void;
}

const defaults = {
  keys: [] as string[],
  preset: '24h' as RangePreset,
  follow: true,
  customRange: null,
};

export const useSelection = create<SelectionState>()(
  persist(
    (set, get) => ({
      ...defaults,
      toggle(key) {
        const { keys } = get();
        if (keys.includes(key)) set({ keys: keys.filter((k) => k !== key) });
        else if (keys.length < MAX_SELECTED) set({ keys: [...keys, key] });
      },
      // Choosing a preset or following again means "stop looking at my zoomed range".
      setPreset: (preset) => set({ preset, customRange: null }),
      setFollow: (follow) => set(follow ? { follow, customRange: null } : { follow }),
      // Zooming or panning into the past must stop the view from sliding away under the user.
      setCustomRange: (customRange) =>
        set(customRange ? { customRange, follow: false } : { customRange }),
      retain(known) {
        const keys = get().keys.filter((k) => known.has(k));
        if (keys.length !== get().keys.length) set({ keys });
      },
    }),
    {
      // An operator reloading the desk gets the same panel back; zoom state is not restored.
      name: 'firn.selection',
      storage: createJSONStorage(() => localStorage),
      partialize: ({ keys, preset, follow }) => ({ keys, preset, follow }),
    },
  ),
);

export function resetSelection(): void {
  useSelection.setState({ ...defaults, keys: [] });
}
