import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import { useCatalog } from '../../state/catalog';
import { useRoute } from '../../state/route';
import { useJobs } from './jobsStore';
import { submitJob } from './jobsApi';
import { DRAFT_DEFAULTS, draftToRequest, type TrajectoryDraft } from './trajectoryDraft';

/** A fresh key per submission; a retry of the same draft after a lost answer reuses it. */
function newKey(): string {
  return `back-trajectory-${crypto.randomUUID()}`;
}

export interface TrajectoryFormState {
  open: boolean;
  draft: TrajectoryDraft;
  errors: string[];
  serverError: string | null;
  submitting: boolean;
  idempotencyKey: string;
  show(draft: TrajectoryDraft): void;
  hide(): void;
  change(patch: Partial<TrajectoryDraft>): void;
  /** Checks and queues the run, then selects the new job so its progress shows. */
  submit(): Promise<void>;
}

export const useTrajectoryForm = create<TrajectoryFormState>()((set, get) => ({
  open: false,
  draft: { ...DRAFT_DEFAULTS, station: '', speed: '', direction: '' },
  errors: [],
  serverError: null,
  submitting: false,
  idempotencyKey: newKey(),
  show: (draft) => set({ open: true, draft, errors: [], serverError: null }),
  hide: () => set({ open: false }),
  // A changed draft is a different request: it gets a key of its own.
  change: (patch) => set({ draft: { ...get().draft, ...patch }, idempotencyKey: newKey() }),
  async submit() {
    const checked = draftToRequest(get().draft, useCatalog.getState().stations);
    if (!checked.ok) {
      set({ errors: checked.errors, serverError: null });
      return;
    }
    set({ errors: [], serverError: null, submitting: true });
    try {
      const { id } = await submitJob(checked.request, get().idempotencyKey);
      set({ open: false, submitting: false, idempotencyKey: newKey() });
      await useJobs.getState().load();
      // The Jobs page opens the job the address names.
      useRoute.getState().navigate('jobs', id);
    } catch (error) {
      set({ submitting: false, serverError: errorMessage(error) });
    }
  },
}));
