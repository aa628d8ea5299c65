import type { CompiledRule } from './compile-rule';
import type { EngineState } from './engine-state';
import { missingDeadline } from './missing-deadline';

// Adds missing-data deadlines to the instants of a running rule. A deadline is added only
// when it is known that the input has no value before it: the instant about to be
// evaluated lies beyond it (so nothing earlier can still come), or the input is silent and
// its data for the deadline is overdue by the rule's lateness (a dead sensor), or the data
// has ended (a backtest's finish). Adding it on a guess would add an evaluation instant
// that another interleaving of the same data would not have.

/**
 * When a deadline may be added, besides lying before the instant about to be evaluated
 * (`nextMs`). Live: the input is silent and its data for the deadline is overdue
 * (`overdueMs`, processing time). A backtest's finish: the deadline is at or before the
 * end of the data (`untilMs`) and no value of the input came before it.
 */
export interface DeadlinePolicy {
  nextMs: number | null;
  overdueMs: number;
  untilMs: number | null;
}

/** Where an input's missing-data count starts: its newest evaluated value, or the first instant. */
function missingFrom(state: EngineState, input: number): number | null {
  const last = state.inputs[input]?.series.lastTime ?? null;
  if (state.startMs === null) return null;
  return Math.max(last ?? -Infinity, state.startMs);
}

/** Adds each watch's next deadline that the policy allows; true when one was added. */
export function addDeadlines(
  state: EngineState,
  compiled: CompiledRule,
  policy: DeadlinePolicy,
): boolean {
  let added = false;
  // A plain loop and no object per deadline: this runs at every observation of the rule.
  for (let w = 0; w < compiled.missing.length; w++) {
    const { input, watch } = compiled.missing[w]!;
    const from = missingFrom(state, input);
    // Deadlines lie after what has been evaluated: the past is not evaluated again.
    const deadline =
      from === null ? null : missingDeadline(watch, from, state.lastEvaluatedMs ?? -Infinity);
    if (from === null || deadline === null || state.missingRegistered[w] === deadline) continue;
    const inputState = state.inputs[input];
    const lastArrival = inputState?.lastArrivalMs ?? state.startArrivalMs ?? 0;
    // Processing time at which data for the deadline would have arrived, had it come.
    const expectedArrival = lastArrival + (deadline - from);
    // The input's next received value not yet evaluated; null when it is silent.
    const nextWaitingMs = inputState?.nextWaitingMs ?? null;
    if (!allows(policy, deadline, expectedArrival, nextWaitingMs)) continue;
    state.instants.addTimer(deadline, expectedArrival);
    state.missingRegistered[w] = deadline;
    added = true;
  }
  return added;
}

function allows(
  { nextMs, overdueMs, untilMs }: DeadlinePolicy,
  deadline: number,
  expectedArrival: number,
  nextWaitingMs: number | null,
): boolean {
  if (nextMs !== null && deadline < nextMs) return true;
  if (untilMs !== null) {
    return deadline <= untilMs && (nextWaitingMs === null || nextWaitingMs > deadline);
  }
  // A silent input whose data is overdue: the dead-sensor case.
  return nextWaitingMs === null && expectedArrival <= overdueMs;
}
