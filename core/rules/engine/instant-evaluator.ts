import { inSchedule } from '../schedule';
import { stepAlert, type AlertTransition, type Reading } from './alert-machine';
import type { Truth } from './conditions';
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
    const t = state.instants.shift();
    const arrivalMs = state.instants.shiftedArrivalMs;
    for (const input of state.inputs) input.applyUntil(t);
    if (state.startMs === null) {
      state.startMs = view.startMs = t;
      state.startArrivalMs = arrivalMs;
    }
    state.lastEvaluatedMs = t;
    if (t < this.evaluateFromMs) return;
    state.counters.evaluated++;
    view.timeMs = t;
    this.backfill = arrivalMs - t > compiled.horizonMs;
    const active = inSchedule(compiled.rule.schedule, t);
    const wake = stepAlert(state.alert, compiled.noise, t, active, this.read, this.emitAt);
    // The end of a minimum duration is evaluated even if no data comes then.
    if (wake !== null) state.instants.addTimer(wake, arrivalMs + (wake - t));
  }

  /** Made once, not per instant: the instant's time and backfill are read from the view and fields. */
  private backfill = false;
  private readonly read = (reading: Reading): Truth => {
    const { condition, clear } = this.compiled;
    if (reading === 'clear') return clear?.(this.view, false) ?? null;
    return condition(this.view, reading === 'hold');
  };
  private readonly emitAt = (transition: AlertTransition): void =>
    this.emit(transition, this.view.timeMs, this.backfill);

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
