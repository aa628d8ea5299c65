import { initialAlertState, type AlertMachineState } from './alert-machine';
import type { CompiledRule } from './compile-rule';
import { InputState } from './input-state';
import { InstantQueue } from './instant-queue';
import { engineSnapshotSchema, type EngineCounters, type EngineSnapshot } from './snapshot';

/** Everything a running rule remembers; all of it goes into a checkpoint. */
export interface EngineState {
  /** Processing time: the latest arrival (or `advance`) seen. */
  clockMs: number | null;
  /** The first evaluated instant, and the arrival of its data. */
  startMs: number | null;
  startArrivalMs: number | null;
  lastEvaluatedMs: number | null;
  inputs: InputState[];
  instants: InstantQueue;
  alert: AlertMachineState;
  /** Per missing-data watch, the deadline already added as an instant. */
  missingRegistered: (number | null)[];
  counters: EngineCounters;
}

export function newEngineState(compiled: CompiledRule): EngineState {
  return {
    clockMs: null,
    startMs: null,
    startArrivalMs: null,
    lastEvaluatedMs: null,
    inputs: compiled.retentionMs.map((ms) => new InputState(ms)),
    instants: new InstantQueue(),
    alert: initialAlertState(),
    missingRegistered: compiled.missing.map(() => null),
    counters: { observations: 0, evaluated: 0, late: 0, duplicates: 0 },
  };
}

/** Restores a checkpoint; it must come from the same version of the rule. */
export function restoreEngineState(
  compiled: CompiledRule,
  fingerprint: string,
  snapshot: unknown,
): EngineState {
  const saved = engineSnapshotSchema.parse(snapshot);
  if (saved.ruleId !== compiled.rule.id || saved.fingerprint !== fingerprint) {
    throw new RangeError(`the checkpoint is of another version of rule ${saved.ruleId}`);
  }
  if (
    saved.inputs.length !== compiled.inputs.length ||
    saved.missingRegistered.length !== compiled.missing.length
  ) {
    throw new RangeError(`the checkpoint does not fit rule ${saved.ruleId}`);
  }
  return {
    clockMs: saved.clockMs,
    startMs: saved.startMs,
    startArrivalMs: saved.startArrivalMs,
    lastEvaluatedMs: saved.lastEvaluatedMs,
    inputs: compiled.retentionMs.map((ms, i) => new InputState(ms, saved.inputs[i])),
    instants: new InstantQueue(saved.instants),
    alert: { ...saved.alert, transitions: [...saved.alert.transitions] },
    missingRegistered: [...saved.missingRegistered],
    counters: { ...saved.counters },
  };
}

export function snapshotOf(
  state: EngineState,
  ruleId: string,
  fingerprint: string,
  evaluateFromMs: number,
): EngineSnapshot {
  return {
    v: 1,
    ruleId,
    fingerprint,
    evaluateFromMs: Number.isFinite(evaluateFromMs) ? evaluateFromMs : null,
    clockMs: state.clockMs,
    startMs: state.startMs,
    startArrivalMs: state.startArrivalMs,
    lastEvaluatedMs: state.lastEvaluatedMs,
    inputs: state.inputs.map((input) => input.toSnapshot()),
    instants: state.instants.toColumns(),
    alert: { ...state.alert, transitions: [...state.alert.transitions] },
    missingRegistered: [...state.missingRegistered],
    counters: { ...state.counters },
  };
}
