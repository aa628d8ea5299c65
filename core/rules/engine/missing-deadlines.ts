import type { CompiledRule } from './compile-rule';
import type { EngineState } from './engine-state';
import { missingDeadline } from './missing-deadline';

// Adds missing-data deadlines to the instants of a running rule. A deadline is added only
// when it is known that the input has no value before it: the instant about to be
// evaluated lies beyond it (so nothing earlier can still come), or the input is silent and
// its data for the deadline is overdue by the rule's lateness (a dead sensor), or the data
// has ended (a backtest's finish). Adding it on a guess would add an evaluation instant
// that another interleaving of the same data would not have.

export interface DeadlineFacts {
  deadline: number;
  /** Processing time at which data for the deadline would have arrived, had it come. */
  expectedArrival: number;
  /** The input's next received value not yet evaluated; null when it is silent. */
  nextWaitingMs: number | null;
}

/** Where an input's missing-data count starts: its newest evaluated value, or the first instant. */
function missingFrom(state: EngineState, input: number): number | null {
  const last = state.inputs[input]?.series.lastTime ?? null;
  if (state.startMs === null) return null;
  return Math.max(last ?? -Infinity, state.startMs);
}

/** Adds each watch's next deadline that `accept` takes; true when one was added. */
export function addDeadlines(
  state: EngineState,
  compiled: CompiledRule,
  accept: (facts: DeadlineFacts) => boolean,
): boolean {
  let added = false;
  compiled.missing.forEach(({ input, watch }, w) => {
    const from = missingFrom(state, input);
    // Deadlines lie after what has been evaluated: the past is not evaluated again.
    const deadline =
      from === null ? null : missingDeadline(watch, from, state.lastEvaluatedMs ?? -Infinity);
    if (from === null || deadline === null || state.missingRegistered[w] === deadline) return;
    const inputState = state.inputs[input];
    const lastArrival = inputState?.lastArrivalMs ?? state.startArrivalMs ?? 0;
    const expectedArrival = lastArrival + (deadline - from);
    const nextWaitingMs = inputState?.nextWaitingMs ?? null;
    if (!accept({ deadline, expectedArrival, nextWaitingMs })) return;
    state.instants.addTimer(deadline, expectedArrival);
    state.missingRegistered[w] = deadline;
    added = true;
  });
  return added;
}
