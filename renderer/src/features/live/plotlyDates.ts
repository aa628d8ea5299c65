import type { TimeRange } from '../../state/selection';

/**
 * plotly date strings ("2019-06-01 12:30:00.5") carry no zone and mean UTC, since epoch-ms
 * data is plotted in UTC. Date.parse would read them as local time, hence this parser.
 */
export function parsePlotlyDate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match =
    /^(-?\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2})(?::(\d{2})(?::(\d{2})(\.\d+)?)?)?)?$/.exec(
      value.trim(),
    );
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = match;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
}

/** Epoch ms as a plotly date string, in UTC like the data. */
export function toPlotlyDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export type RelayoutIntent = { kind: 'range'; range: TimeRange } | { kind: 'autorange' };

/**
 * What a plotly_relayout event means for the time axis: a new x range (zoom, pan, scroll),
 * a reset (double-click autorange), or nothing (y-only zoom, legend clicks...).
 */
export function relayoutIntent(update: Record<string, unknown>): RelayoutIntent | null {
  if (update['xaxis.autorange'] === true) return { kind: 'autorange' };
  let from: unknown = update['xaxis.range[0]'];
  let to: unknown = update['xaxis.range[1]'];
  const pair = update['xaxis.range'];
  if (Array.isArray(pair)) [from, to] = pair;
  if (from === undefined || to === undefined) return null;
  const a = parsePlotlyDate(from);
  const b = parsePlotlyDate(to);
  if (a === null || b === null || a === b) return null;
  return { kind: 'range', range: { from: Math.min(a, b), to: Math.max(a, b) } };
}
