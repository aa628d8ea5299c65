import type { Aggregate } from '../condition-schema';
import type { EvaluationContext } from '../expression/evaluator';
import type { WindowFunction } from '../expression/functions';
import type { InputSeries } from './input-series';

/**
 * What conditions see at one evaluation instant: every input as of that measurement time.
 * The engine moves one view along the instants instead of allocating one per instant.
 */
export class InstantView implements EvaluationContext {
  /** The measurement time being evaluated. */
  timeMs = 0;
  /** The first instant the engine evaluated: inputs never seen count as missing from here. */
  startMs = 0;

  constructor(
    private readonly seriesByInput: ReadonlyMap<string, InputSeries>,
    private readonly staleAfterMs: number,
  ) {}

  private series(input: string): InputSeries {
    const series = this.seriesByInput.get(input);
    if (series === undefined) throw new RangeError(`input ${input} is not in the rule's scope`);
    return series;
  }

  /** The newest value at or before now, if it is not older than the staleness bound. */
  value(input: string): number | null {
    const series = this.series(input);
    const time = series.lastTime;
    return time !== null && this.timeMs - time <= this.staleAfterMs ? series.lastValue : null;
  }

  /** Time of the newest value at or before now, however old. */
  lastTime(input: string): number | null {
    return this.series(input).lastTime;
  }

  /** Window functions of expressions: (now − window, now], `delta` over [now − window, now]. */
  window(fn: WindowFunction, input: string, ms: number): number | null {
    if (fn === 'delta') return this.change(input, 'delta', ms);
    return this.aggregate(input, fn, this.timeMs - ms, false, this.timeMs, true);
  }

  aggregate(
    input: string,
    fn: Aggregate,
    fromMs: number,
    fromInclusive: boolean,
    toMs: number,
    toInclusive: boolean,
  ): number | null {
    const series = this.series(input);
    return series.aggregate(fn, series.range(fromMs, fromInclusive, toMs, toInclusive));
  }

  /** A change within [now − within, now] (see InputSeries.change). */
  change(input: string, kind: 'delta' | 'rise' | 'drop', withinMs: number): number | null {
    const series = this.series(input);
    return series.change(kind, series.range(this.timeMs - withinMs, true, this.timeMs, true));
  }
}
