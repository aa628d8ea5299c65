import { create } from 'zustand';
import type { Command } from '../../../../core/contracts/operations';
import { errorMessage } from '../../api/client';
import { emptyDraft, requestOfDraft, type CommandDraft } from './commandDraft';
import { specOf } from './commandFormat';
import { requestCommand } from './operationsApi';
import { useOperations } from './operationsStore';

export interface CommandRequestState {
  draft: CommandDraft;
  submitting: boolean;
  /** Why the server (or the form) refused the last request, shown inline. */
  refusal: string | null;
  /** The command the last request made: its id and state (`proposed` or `scheduled`). */
  made: Command | null;
  edit(change: Partial<CommandDraft>): void;
  setParam(name: string, value: string | boolean): void;
  submit(zone: string): Promise<void>;
}

export const useCommandRequest = create<CommandRequestState>()((set, get) => ({
  draft: emptyDraft(),
  submitting: false,
  refusal: null,
  made: null,
  edit(change) {
    // Another instrument or command has other parameters: start those afresh.
    const params =
      change.instrument !== undefined || change.command !== undefined ? {} : get().draft.params;
    set({ draft: { ...get().draft, params, ...change }, refusal: null, made: null });
  },
  setParam(name, value) {
    const draft = get().draft;
    set({ draft: { ...draft, params: { ...draft.params, [name]: value } }, refusal: null });
  },
  async submit(zone) {
    const { draft } = get();
    const { spec } = specOf(draft, useOperations.getState().instruments);
    const built = requestOfDraft(draft, spec, zone);
    if (!built.ok) {
      set({ refusal: built.error, made: null });
      return;
    }
    set({ submitting: true, refusal: null, made: null });
    try {
      const made = await requestCommand(built.request);
      set({ made, draft: { ...draft, params: {}, at: '' } });
    } catch (error) {
      set({ refusal: errorMessage(error) });
    }
    set({ submitting: false });
    await useOperations.getState().load();
  },
}));
