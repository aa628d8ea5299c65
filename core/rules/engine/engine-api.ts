import type { Observation } from '../../domain/observation';
import type { Rule } from '../rule-schema';
import type { EngineOutput } from './events';
import type { EngineCounters, EngineSnapshot } from './snapshot';

// One rule on the stream, on measurement time. Alignment across inputs:
// - Every measurement time of any input is an instant; the rule is evaluated at it with each
//   input's newest value at or before it (if not older than staleAfter) and its windows.
// - An instant is evaluated only once every input has been received up to it (the
//   watermark), so how datastreams interleave on the bus never changes a result.
// - An input silent for longer than `lateness` in arrival (processing) time is no longer
//   waited for. Its data older than the evaluated instants is then late: it fills windows
//   but the past is not evaluated again.
// - Missing-data deadlines and the end of a minimum duration are instants of their own.

export interface RuleEngineOptions {
  /** Resume from a checkpoint (snapshot()) of the same rule version. */
  snapshot?: EngineSnapshot;
  /**
   * Instants before this only fill windows; nothing is evaluated (a backtest's warm-up).
   * Default: the snapshot's, else every instant is evaluated.
   */
  evaluateFromMs?: number;
}

export interface RuleEngine {
  readonly rule: Rule;
  /** The datastreams the rule reads, in scope order. */
  readonly datastreams: readonly string[];
  /** An observation (other datastreams are ignored) and its arrival (processing) time. */
  ingest(observation: Observation, arrivalTimeMs: number): EngineOutput;
  /** The same by input position in scope order, without a key lookup (backtests). */
  ingestInput(input: number, timeMs: number, value: number, arrivalTimeMs: number): EngineOutput;
  /** Processing time passes without data: stops waiting for lagging inputs. */
  advance(nowMs: number): EngineOutput;
  /** No more data up to `untilMs`: evaluates everything up to it (end of a backtest). */
  finish(untilMs: number): EngineOutput;
  /** Plain JSON; valid between calls. */
  snapshot(): EngineSnapshot;
  counters(): EngineCounters & { waiting: number };
}
