import type { DatastreamSummary } from '../../../../core/contracts/http';
import { splitDatastreamKey } from '../../../../core/domain/station';
import { parseTime } from '../../format';
import type { TraceTail } from '../../live/batch';
import type { RangePreset, TimeRange } from '../../state/selection';
import type { ChartColors, ChartStream } from './chartFigure';
import type { LoadedSeries, loadHistory } from './historyLoader';

/** What the panel asks for; the controller decides when that needs a history fetch. */
export interface ChartIntent {
  streams: DatastreamSummary[];
  preset: RangePreset;
  customRange: TimeRange | null;
  follow: boolean;
  /** Bumped to refetch though nothing else changed (after the live socket reconnected). */
  reloadToken: number;
}

export type ChartPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; failed: string[] }
  | { kind: 'empty'; failed: string[] }
  | { kind: 'error'; message: string };

/** What the chart controller needs from its owner, and how it reports back. */
export interface ChartControllerOptions {
  colors: ChartColors;
  onPhase(phase: ChartPhase): void;
  /** The user zoomed/panned to a range (or reset with null), debounced. */
  onUserRange(range: TimeRange | null): void;
  now?: () => number;
  load?: typeof loadHistory;
  requestFrame?: (callback: () => void) => number;
  /** Monotonic ms that times plotly's redraws for the throttle (performance.now). */
  drawClock?: () => number;
}

/**
 * The part of an intent that decides which history to fetch. The catalog refreshes
 * lastTime/lastValue every few seconds while data flows; that alone must not refetch.
 */
export function historyKeyOf(intent: ChartIntent): string {
  return JSON.stringify([
    intent.streams.map((s) => [s.key, s.unit, s.cadenceSeconds]),
    intent.preset,
    intent.customRange,
    intent.reloadToken,
  ]);
}

/** Newest data time of the panel: the catalog's lastTime or anything drawn since. */
export function latestDataT(
  streams: readonly DatastreamSummary[],
  tails: readonly TraceTail[],
): number | null {
  let latest: number | null = null;
  const consider = (t: number | null) => {
    if (t !== null && (latest === null || t > latest)) latest = t;
  };
  streams.forEach((s) => consider(parseTime(s.lastTime)));
  tails.forEach((tail) => consider(tail.lastT));
  return latest;
}

/** ready / empty / error after a history load; one failed datastream does not fail the panel. */
export function phaseAfterLoad(loaded: readonly LoadedSeries[]): ChartPhase {
  const failed = loaded.filter((l) => l.error !== null);
  if (loaded.length > 0 && failed.length === loaded.length) {
    return { kind: 'error', message: failed[0]?.error ?? 'failed to load' };
  }
  const points = loaded.reduce((n, l) => n + l.y.filter((v) => v !== null).length, 0);
  const names = failed.map((l) => l.key);
  return points > 0 ? { kind: 'ready', failed: names } : { kind: 'empty', failed: names };
}

export function toChartStream(ds: DatastreamSummary): ChartStream {
  const { station, instrument, variable } = splitDatastreamKey(ds.key);
  return {
    key: ds.key,
    unit: ds.unit,
    label: `${station} · ${variable.replaceAll('_', ' ')} · ${instrument}`,
  };
}
