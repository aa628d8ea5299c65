import type { DatastreamSummary } from '../../../../core/contracts/http';
import { gapThresholdMs } from '../../../../core/series/gaps';
import { errorMessage, isAbort } from '../../api/client';
import { fetchSeries } from '../../api/endpoints';
import type { TimeRange } from '../../state/selection';

/** History of one datastream, ready to become a trace. */
export interface LoadedSeries {
  key: string;
  x: number[];
  y: (number | null)[];
  /** Stored observations in the range before decimation. */
  count: number;
  /** Time of the last real (non-null) point; live samples are appended after it. */
  lastT: number | null;
  /** Steps wider than this get a null when live points are appended. */
  gapMs: number;
  error: string | null;
}

export type SeriesFetcher = typeof fetchSeries;

/**
 * Loads every datastream of the panel in parallel, decimated to `maxPoints` (the plot
 * width). One failing datastream yields an empty series with its error instead of
 * blanking the others; only an abort (a newer load superseded this one) rejects.
 */
export async function loadHistory(
  streams: readonly DatastreamSummary[],
  range: TimeRange | null,
  maxPoints: number,
  signal: AbortSignal,
  fetcher: SeriesFetcher = fetchSeries,
): Promise<LoadedSeries[]> {
  const request = (key: string) =>
    fetcher({ key, from: range?.from ?? null, to: range?.to ?? null, maxPoints }, signal);
  const settled = await Promise.allSettled(streams.map((ds) => request(ds.key)));
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
  return settled.map((result, i) => {
    const ds = streams[i] as DatastreamSummary;
    if (result.status === 'rejected') {
      if (isAbort(result.reason)) throw result.reason;
      return {
        key: ds.key,
        x: [],
        y: [],
        count: 0,
        lastT: null,
        gapMs: Infinity,
        error: errorMessage(result.reason),
      };
    }
    const series = result.value;
    return {
      key: ds.key,
      x: series.t,
      y: series.v,
      count: series.count,
      lastT: lastRealTime(series.t, series.v),
      gapMs: gapThresholdMs(series.cadenceSeconds ?? ds.cadenceSeconds, series.t),
      error: null,
    };
  });
}

function lastRealTime(t: readonly number[], v: readonly (number | null)[]): number | null {
  for (let i = t.length - 1; i >= 0; i -= 1)
    if (v[i] !== null && v[i] !== undefined) return t[i] as number;
  return null;
}
