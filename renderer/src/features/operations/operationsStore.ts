import { create } from 'zustand';
import type { Command, CommandDetail, InstrumentView } from '../../../../core/contracts/operations';
import { errorMessage } from '../../api/client';
import {
  approveCommand,
  fetchCommandDetail,
  fetchCommands,
  fetchInstruments,
  rejectCommand,
} from './operationsApi';

/**
 * Waiting for an operator: proposed, or scheduled into a slot and not yet approved often
 * enough (an approval in advance counts when its time comes).
 */
export function isPending(
  command: Pick<Command, 'state' | 'approvals' | 'approvalsNeeded'>,
): boolean {
  if (command.state === 'scheduled') return approvalsGiven(command) < command.approvalsNeeded;
  return command.state === 'proposed';
}

export function approvalsGiven(command: Pick<Command, 'approvals'>): number {
  return command.approvals.filter((a) => a.decision === 'approve').length;
}

export interface OperationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  instruments: InstrumentView[];
  commands: Command[];
  /** When the last answer arrived: ages of live values count from the server's data. */
  loadedAtMs: number | null;
  expandedId: string | null;
  details: Record<string, CommandDetail>;
  detailError: string | null;
  busy: Record<string, boolean>;
  actionErrors: Record<string, string>;
  load(): Promise<void>;
  toggle(id: string): Promise<void>;
  decide(id: string, decision: 'approve' | 'reject', reason: string): Promise<boolean>;
}

export const useOperations = create<OperationsState>()((set, get) => ({
  status: 'idle',
  error: null,
  instruments: [],
  commands: [],
  loadedAtMs: null,
  expandedId: null,
  details: {},
  detailError: null,
  busy: {},
  actionErrors: {},
  async load() {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const [instruments, commands] = await Promise.all([fetchInstruments(), fetchCommands()]);
      set({ status: 'ready', instruments, commands, error: null, loadedAtMs: Date.now() });
    } catch (error) {
      // Keep what was shown: a failed refresh says so without blanking the console.
      set({ status: get().loadedAtMs === null ? 'error' : 'ready', error: errorMessage(error) });
    }
    const id = get().expandedId;
    if (id !== null) await loadDetail(id);
  },
  async toggle(id) {
    const open = get().expandedId === id ? null : id;
    set({ expandedId: open, detailError: null });
    if (open !== null) await loadDetail(open);
  },
  async decide(id, decision, reason) {
    set({ busy: { ...get().busy, [id]: true }, actionErrors: without(get().actionErrors, id) });
    let ok = true;
    try {
      if (decision === 'approve') await approveCommand(id, reason);
      else await rejectCommand(id, reason);
    } catch (error) {
      ok = false;
      set({ actionErrors: { ...get().actionErrors, [id]: errorMessage(error) } });
    }
    set({ busy: without(get().busy, id) });
    await get().load();
    return ok;
  },
}));

async function loadDetail(id: string): Promise<void> {
  try {
    const detail = await fetchCommandDetail(id);
    useOperations.setState((s) => ({ details: { ...s.details, [id]: detail }, detailError: null }));
  } catch (error) {
    if (useOperations.getState().expandedId === id) {
      useOperations.setState({ detailError: errorMessage(error) });
    }
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
