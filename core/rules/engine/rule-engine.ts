import type { Observation } from '../../domain/observation';
import type { Rule } from '../rule-schema';
import { compileRule, ruleFingerprint, type CompiledRule } from './compile-rule';
import { newEngineState, restoreEngineState, snapshotOf, type EngineState } from './engine-state';
import type { EngineOutput } from './events';
import { InstantEvaluator } from './instant-evaluator';
import { addDeadlines, type DeadlinePolicy } from './missing-deadlines';
import type { EngineCounters, EngineSnapshot } from './snapshot';
import type { RuleEngine, RuleEngineOptions } from './engine-api';

export type { RuleEngine, RuleEngineOptions } from './engine-api';

// The engine of engine-api.ts: see there for how inputs are aligned on measurement time.

export function createRuleEngine(rule: Rule, options: RuleEngineOptions = {}): RuleEngine {
  return new Engine(compileRule(rule), options);
}

class Engine implements RuleEngine {
  readonly rule: Rule;
  readonly datastreams: readonly string[];
  private readonly fingerprint: string;
  private readonly state: EngineState;
  private readonly evaluator: InstantEvaluator;
  private readonly evaluateFromMs: number;

  constructor(
    private readonly compiled: CompiledRule,
    options: RuleEngineOptions,
  ) {
    this.rule = compiled.rule;
    this.datastreams = Object.values(compiled.rule.scope);
    this.fingerprint = ruleFingerprint(compiled.rule);
    this.state = options.snapshot
      ? restoreEngineState(compiled, this.fingerprint, options.snapshot)
      : newEngineState(compiled);
    this.evaluateFromMs =
      options.evaluateFromMs ?? options.snapshot?.evaluateFromMs ?? Number.NEGATIVE_INFINITY;
    this.evaluator = new InstantEvaluator(compiled, this.state, this.evaluateFromMs);
  }

  ingest(observation: Observation, arrivalTimeMs: number): EngineOutput {
    const input = this.compiled.inputByDatastream.get(observation.datastream);
    if (input === undefined) return this.evaluator.take();
    return this.ingestInput(input, observation.timeMs, observation.value, arrivalTimeMs);
  }

  ingestInput(index: number, timeMs: number, value: number, arrivalTimeMs: number): EngineOutput {
    const { state } = this;
    const input = state.inputs[index];
    if (input === undefined) throw new RangeError(`rule ${this.rule.id} has no input ${index}`);
    this.tick(arrivalTimeMs);
    if (input.isNotNewer(timeMs)) {
      // A repeat (redelivery) or, against the contract, an older value: dropped.
      state.counters.duplicates++;
      return this.release();
    }
    state.counters.observations++;
    input.receive(timeMs, arrivalTimeMs);
    if (state.lastEvaluatedMs !== null && timeMs <= state.lastEvaluatedMs) {
      state.counters.late++;
      input.series.push(timeMs, value);
    } else {
      input.enqueue(timeMs, value);
      state.instants.addData(timeMs, arrivalTimeMs, state.clockMs ?? arrivalTimeMs);
    }
    return this.release();
  }

  advance(nowMs: number): EngineOutput {
    this.tick(nowMs);
    return this.release();
  }

  finish(untilMs: number): EngineOutput {
    // The data has ended: a deadline up to the end with no value before it has passed.
    this.evaluateWhile(untilMs, -Infinity, -Infinity);
    return this.evaluator.take();
  }

  snapshot(): EngineSnapshot {
    return snapshotOf(this.state, this.rule.id, this.fingerprint, this.evaluateFromMs);
  }

  counters(): EngineCounters & { waiting: number } {
    return { ...this.state.counters, waiting: this.state.instants.size };
  }

  private tick(nowMs: number): void {
    if (this.state.clockMs === null || nowMs > this.state.clockMs) this.state.clockMs = nowMs;
  }

  /** Evaluates every instant that no longer has to wait, in time order. */
  private release(): EngineOutput {
    const { state, compiled } = this;
    if (state.instants.firstTime === null && compiled.missing.length === 0) {
      return this.evaluator.take(); // nothing waits and nothing can be missing
    }
    const overdueMs = (state.clockMs ?? -Infinity) - compiled.latenessMs;
    let watermark = Infinity;
    for (const input of state.inputs) watermark = Math.min(watermark, input.progressMs);
    this.evaluateWhile(null, overdueMs, watermark);
    return this.evaluator.take();
  }

  /** Reused by evaluateWhile: it runs at every observation, and an object per call adds up. */
  private readonly policy: DeadlinePolicy = { nextMs: null, overdueMs: -Infinity, untilMs: null };

  /**
   * Evaluates instants one by one up to a bound: `untilMs` at the end of the data, else
   * the queue's release bound for the watermark and `overdueMs` (see InstantQueue). Before
   * each, a missing-data deadline earlier than it has passed without data (nothing earlier
   * can come once it is evaluated) and becomes an instant first; the policy adds deadlines
   * that no instant reaches. Each evaluation can change what is due (the first instant
   * starts missing-data counts, a pending alert asks to be looked at when its minimum
   * duration ends): so, one by one.
   */
  private evaluateWhile(untilMs: number | null, overdueMs: number, watermark: number): void {
    const { state, compiled, policy } = this;
    for (;;) {
      const first = state.instants.firstTime;
      const limit = untilMs ?? state.instants.releaseBound(watermark, overdueMs);
      const next = first !== null && limit !== null && first <= limit ? first : null;
      if (compiled.missing.length > 0) {
        policy.nextMs = next;
        policy.overdueMs = overdueMs;
        policy.untilMs = untilMs;
        if (addDeadlines(state, compiled, policy)) continue;
      }
      if (next === null) return;
      this.evaluator.evaluateNext();
    }
  }
}
