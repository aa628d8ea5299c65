import type { CommandRequest, CommandSpec } from '../../../../core/contracts/operations';
import { fromLocalInput } from './stationTime';

/** The request form as typed: parameter values as the inputs hold them. */
export interface CommandDraft {
  instrument: string;
  command: string;
  params: Record<string, string | boolean>;
  when: 'now' | 'slot';
  /** `datetime-local` in station time, used when `when` is `slot`. */
  at: string;
}

export const emptyDraft = (instrument = '', command = ''): CommandDraft => ({
  instrument,
  command,
  params: {},
  when: 'now',
  at: '',
});

export type DraftResult =
  | { ok: true; request: Omit<CommandRequest, 'reason'> & { reason?: string } }
  | { ok: false; error: string };

/**
 * The request body of a draft. Only what the form itself cannot send is refused here
 * (no command, a time that is not a time); ranges and slots are the server's to check,
 * and its reason is shown as it comes.
 */
export function requestOfDraft(
  draft: CommandDraft,
  spec: CommandSpec | undefined,
  zone: string,
): DraftResult {
  if (draft.instrument === '' || spec === undefined) return { ok: false, error: 'pick a command' };
  const params: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(spec.params)) {
    const value = draft.params[name];
    if (param.type === 'boolean') {
      params[name] = value === true;
    } else if (typeof value === 'string' && value.trim() !== '') {
      params[name] = param.type === 'number' ? Number(value) : value;
    }
  }
  const request = { instrument: draft.instrument, command: spec.name, params };
  if (draft.when === 'now') return { ok: true, request };
  const atMs = fromLocalInput(draft.at, zone);
  if (atMs === null) return { ok: false, error: 'give the time in your booked slot' };
  return { ok: true, request: { ...request, at: new Date(atMs).toISOString() } };
}
