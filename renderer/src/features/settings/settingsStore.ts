import { create } from 'zustand';
import type { NotificationPreferences } from '../../../../core/contracts/preferences';
import { errorMessage } from '../../api/client';
import { fetchPreferences, savePreferences } from '../../api/controlRoom';
import type { PrefsForm } from './prefsForm';
import { formOf, preferencesOf } from './prefsForm';

export interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  form: PrefsForm | null;
  /** The preferences as last loaded or saved: what the form does not show is kept from here. */
  loaded: NotificationPreferences | null;
  saving: boolean;
  saveError: string | null;
  savedAt: number | null;
  load(user: string): Promise<void>;
  edit(patch: Partial<PrefsForm>): void;
  save(user: string): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  status: 'idle',
  loadError: null,
  form: null,
  loaded: null,
  saving: false,
  saveError: null,
  savedAt: null,
  async load(user) {
    set({ status: 'loading', loadError: null, saveError: null, savedAt: null });
    try {
      const loaded = await fetchPreferences(user);
      set({ status: 'ready', form: formOf(loaded), loaded });
    } catch (error) {
      set({ status: 'error', loadError: errorMessage(error) });
    }
  },
  edit(patch) {
    const form = get().form;
    if (form) set({ form: { ...form, ...patch }, savedAt: null });
  },
  async save(user) {
    const { form, loaded } = get();
    if (!form || !loaded) return;
    set({ saving: true, saveError: null, savedAt: null });
    try {
      const saved = await savePreferences(user, preferencesOf(form, loaded));
      set({ form: formOf(saved), loaded: saved, savedAt: Date.now() });
    } catch (error) {
      set({ saveError: errorMessage(error) });
    } finally {
      set({ saving: false });
    }
  },
}));
