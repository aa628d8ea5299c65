import type { Truth } from './conditions';

// The lifecycle of a rule's alert: idle → pending → firing → resolved (idle again), with
// minimum duration, hysteresis, cooldown and flap detection. One machine per rule, so a
// rule has at most one open alert. Acknowledge and shelve are what people do to an alert;
// they live outside (alert-lifecycle.ts) and never change what the machine computes.

export type AlertTransition =
  'pending' | 'firing' | 'resolved' | 'cancelled' | 'flapping' | 'stable';

export interface AlertMachineState {
  status: 'idle' | 'pending' | 'firing';
  /** Start of the trigger window of the current or last alert (the condition first held). */
  startMs: number | null;
  firingMs: number | null;
  resolvedMs: number | null;
  /** Fire and resolve times within the flap window, oldest first. */
  transitions: number[];
  flapping: boolean;
}

export interface NoiseSettings {
  minDurationMs: number;
  cooldownMs: number;
  /** With a clear condition, a firing alert resolves only when it holds. */
  hasClear: boolean;
  flap: { windowMs: number; maxTransitions: number } | null;
}

/** Which reading of the conditions the machine needs: see CompiledCondition. */
export type Reading = 'trigger' | 'hold' | 'clear';

export function initialAlertState(): AlertMachineState {
  return {
    status: 'idle',
    startMs: null,
    firingMs: null,
    resolvedMs: null,
    transitions: [],
    flapping: false,
  };
}

/**
 * Advances the machine to instant `t`. `active` is false outside the rule's schedule.
 * Conditions are read lazily, only in the reading the state needs. Returns a time at which
 * the engine should evaluate again even without data (the end of the minimum duration).
 */
export function stepAlert(
  state: AlertMachineState,
  noise: NoiseSettings,
  t: number,
  active: boolean,
  read: (reading: Reading) => Truth,
  emit: (transition: AlertTransition) => void,
): number | null {
  const { flap } = noise;
  if (flap !== null) {
    while (state.transitions.length > 0 && (state.transitions[0] as number) <= t - flap.windowMs) {
      state.transitions.shift();
    }
    if (state.flapping && state.transitions.length === 0) {
      state.flapping = false;
      emit('stable');
    }
  }
  switch (state.status) {
    case 'idle': {
      const cooling = state.resolvedMs !== null && t < state.resolvedMs + noise.cooldownMs;
      if (!active || cooling || read('trigger') !== true) return null;
      state.status = 'pending';
      state.startMs = t;
      state.firingMs = null;
      emit('pending');
      if (noise.minDurationMs > 0) return t + noise.minDurationMs;
      fire(state, noise, t, emit);
      return null;
    }
    case 'pending':
      // Unknown cancels too: nobody can claim the condition held through it.
      if (!active || read('trigger') !== true) {
        state.status = 'idle';
        emit('cancelled');
      } else if (t - (state.startMs ?? t) >= noise.minDurationMs) {
        fire(state, noise, t, emit);
      }
      return null;
    case 'firing': {
      // Unknown keeps firing: nobody can claim the condition cleared.
      const cleared = noise.hasClear ? read('clear') === true : read('hold') === false;
      if (!active || cleared) {
        state.status = 'idle';
        state.resolvedMs = t;
        record(state, noise, t, 'resolved', emit);
      }
      return null;
    }
  }
}

// Module functions, not closures made on every step: the machine steps at every instant.

function fire(
  state: AlertMachineState,
  noise: NoiseSettings,
  t: number,
  emit: (transition: AlertTransition) => void,
): void {
  state.status = 'firing';
  state.firingMs = t;
  record(state, noise, t, 'firing', emit);
}

/** Emits a fire or resolve, counting it for flap detection. */
function record(
  state: AlertMachineState,
  noise: NoiseSettings,
  t: number,
  transition: 'firing' | 'resolved',
  emit: (transition: AlertTransition) => void,
): void {
  const { flap } = noise;
  let started = false;
  if (flap !== null) {
    state.transitions.push(t);
    started = !state.flapping && state.transitions.length > flap.maxTransitions;
    if (started) state.flapping = true;
  }
  emit(transition);
  if (started) emit('flapping');
}
