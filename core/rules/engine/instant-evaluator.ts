import { inSchedule } from '../schedule';
import { stepAlert, type AlertTransition } from './alert-machine';
import type { CompiledRule } from './compile-rule';
import type { EngineState } from './engine-state';
import { buildEvent, jobsFor, type AlertEvent, type EngineOutput, type JobRequest } from './events';
import { InstantView } from './instant-view';

const NOTHING: EngineOutput = Object.freeze({ events: Object.freeze([]), jobs: Object.freeze([]) });

/** Evaluates a rule's instants one by one and collects the events and jobs they make. */
export class InstantEvaluator {
  private readonly view: InstantView;
  private events: AlertEvent[] = [];
  private jobs: JobRequest[] = [];

  constructor(
    private readonly compiled: CompiledRule,
    private readonly state: EngineState,
    /** Instants before this only fill windows (a backtest's warm-up). */
    private readonly evaluateFromMs: number,
  ) {
    const series = compiled.inputs.map((name, i) => [name, state.inputs[i]!.series] as const);
    this.view = new InstantView(new Map(series), compiled.staleAfterMs);
    this.view.startMs = state.startMs ?? 0;
  }

  /** Evaluates the first waiting instant: applies the data up to it, steps the alert. */
  evaluateNext(): void {
    const { state, view, compiled } = this;
    const { timeMs: t, arrivalMs } = state.instants.shift();
    for (const input of state.inputs) input.applyUntil(t);
    if (state.startMs === null) {
      state.startMs = view.startMs = t;
      state.startArrivalMs = arrivalMs;
    }
    state.lastEvaluatedMs = t;
    if (t < this.evaluateFromMs) return;
    state.counters.evaluated++;
    view.timeMs = t;
    const backfill = arrivalMs - t > compiled.horizonMs;
    const { condition, clear } = compiled;
    const wake = stepAlert(
      state.alert,
      compiled.noise,
      t,
      inSchedule(compiled.rule.schedule, t),
      (reading) =>
        reading === 'clear' ? (clear?.(view, false) ?? null) : condition(view, reading === 'hold'),
      (transition) => this.emit(transition, t, backfill),
    );
    // The end of a minimum duration is evaluated even if no data comes then.
    if (wake !== null) state.instants.addTimer(wake, arrivalMs + (wake - t));
  }

  private emit(type: AlertTransition, atMs: number, backfill: boolean): void {
    const values: Record<string, number | null> = {};
    for (const name of this.compiled.inputs) values[name] = this.view.value(name);
    const { rule } = this.compiled;
    const event = buildEvent(rule, this.state.alert, type, atMs, values, backfill);
    this.events.push(event);
    if (type === 'firing' || type === 'resolved') this.jobs.push(...jobsFor(rule, event));
  }

  /** What was collected since the last call (a shared empty output when nothing). */
  take(): EngineOutput {
    if (this.events.length === 0 && this.jobs.length === 0) return NOTHING;
    const output = { events: this.events, jobs: this.jobs };
    this.events = [];
    this.jobs = [];
    return output;
  }
}
