/** Units as written in the catalog, shown the way people write them. */
const UNIT_DISPLAY: Record<string, string> = {
  degC: '°C',
  degF: '°F',
  deg: '°',
  percent: '%',
  'W m-2': 'W/m²',
  'W/m2': 'W/m²',
  'm s-1': 'm/s',
};

export function displayUnit(unit: string): string {
  return UNIT_DISPLAY[unit] ?? unit;
}

/** A value with a sensible number of digits for a desk display. */
export function formatValue(value: number | null, unit?: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
  const text = value.toFixed(digits);
  return unit ? `${text} ${displayUnit(unit)}` : text;
}

/** UTC date and time to the minute: stations span time zones, the desk speaks UTC. */
export function formatUtc(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "12 s ago", "3 h ago", "6 y ago": how stale a value is, at a glance. */
export function formatAge(ms: number | null, now: number): string {
  if (ms === null || !Number.isFinite(ms)) return 'no data';
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 0) return 'in the future';
  const steps: [number, string][] = [
    [60, 's'],
    [60, 'min'],
    [24, 'h'],
    [365, 'd'],
  ];
  let amount = seconds;
  for (const [size, label] of steps) {
    if (amount < size) return `${amount} ${label} ago`;
    amount = Math.floor(amount / size);
  }
  return `${amount} y ago`;
}

export function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

// One grouping on every desk, whatever the browser's locale: counts read out over the
// radio between a hut and the station must mean the same number on both ends.
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A span of seconds at the precision an operator acts on: "45 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
