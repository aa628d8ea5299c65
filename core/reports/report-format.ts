// Formatting shared by the CSV, the printable HTML and the UI: one way to write a time
// and a number everywhere a report is read.

/** `2017-03-04 10:20Z`: minutes are the finest cadence a report speaks of. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

export function formatSpan(fromMs: number, toMs: number): string {
  return fromMs === toMs ? formatTime(fromMs) : `${formatTime(fromMs)} – ${formatTime(toMs)}`;
}

/** Up to 3 decimals, no trailing zeros; an em dash for nothing. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)} %`;
}
