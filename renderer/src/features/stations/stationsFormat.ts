import type {
  DatastreamState,
  DatastreamStatus,
  StationStatus,
} from '../../../../core/contracts/stations';
import type { HealthResponse } from '../../../../core/contracts/http';
import { formatCount, formatDuration } from '../../format';

export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

/**
 * A state as the desk shows it: a word, a shape and a tone. The shapes differ (check,
 * triangle, square, ring, diamond), so the state reads without colour and in print.
 */
export interface StateLook {
  word: string;
  icon: string;
  tone: Tone;
  explain: string;
}

export function stateLook(state: DatastreamState): StateLook {
  switch (state) {
    case 'ok':
      return { word: 'on time', icon: '✓', tone: 'ok', explain: 'within 3 cadences' };
    case 'late':
      return { word: 'late', icon: '▲', tone: 'warn', explain: 'older than 3 cadences' };
    case 'silent':
      return { word: 'silent', icon: '■', tone: 'bad', explain: 'older than 10 cadences' };
    case 'no-data':
      return { word: 'no data', icon: '○', tone: 'unknown', explain: 'nothing stored yet' };
    case 'unknown':
      return {
        word: 'no cadence',
        icon: '◇',
        tone: 'unknown',
        explain: 'cadence neither in the catalog nor in the data',
      };
  }
}

/** "10 min", "≈ 10 min" when estimated from the data, "—" when not known. */
export function formatCadence(d: Pick<DatastreamStatus, 'cadenceSeconds' | 'cadenceSource'>) {
  if (d.cadenceSeconds === null) return '—';
  const text = formatDuration(d.cadenceSeconds);
  return d.cadenceSource === 'estimated' ? `≈ ${text}` : text;
}

/** Per minute for fast streams, per hour for slow ones: "50.0/s"-style numbers nobody reads. */
export function formatRate(ratePerHour: number): string {
  if (ratePerHour >= 60) return `${formatRounded(ratePerHour / 60)}/min`;
  return `${formatRounded(ratePerHour)}/h`;
}

function formatRounded(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : n < 10 ? n.toFixed(1) : formatCount(Math.round(n));
}

/** "none", "1 · longest 1 h 20 min". */
export function formatGaps(gaps: DatastreamStatus['gaps']): string {
  if (gaps.count === 0) return 'none';
  const longest =
    gaps.longestSeconds === null ? '' : ` · longest ${formatDuration(gaps.longestSeconds)}`;
  return `${formatCount(gaps.count)}${longest}`;
}

/** Age of the last value now, from its time (the answer's own age goes stale between polls). */
export function ageSeconds(lastTime: string | null, nowMs: number): number | null {
  if (lastTime === null) return null;
  const ms = Date.parse(lastTime);
  return Number.isFinite(ms) ? Math.max(0, (nowMs - ms) / 1000) : null;
}

/** "12 min ago", "no data". */
export function formatAgeSeconds(age: number | null): string {
  return age === null ? 'no data' : `${formatDuration(age)} ago`;
}

/** How many datastreams stand in each state, worst first, leaving out the empty ones. */
export function stateCounts(
  stations: readonly StationStatus[],
): { state: DatastreamState; count: number }[] {
  const order: DatastreamState[] = ['silent', 'late', 'unknown', 'no-data', 'ok'];
  const counts = new Map<DatastreamState, number>();
  for (const station of stations)
    for (const instrument of station.instruments)
      for (const d of instrument.datastreams) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
  return order
    .map((state) => ({ state, count: counts.get(state) ?? 0 }))
    .filter((entry) => entry.count > 0);
}

/** The bus and outbox as the hut sees them: "offline: 1,204 buffered" when the bus is away. */
export function busLook(health: HealthResponse | null): {
  tone: Tone;
  icon: string;
  text: string;
} {
  if (health === null) return { tone: 'unknown', icon: '?', text: 'bus state not known yet' };
  const { bus, outbox } = health;
  if (!bus.ok) {
    const backlog = outbox.backlog < 0 ? 'unknown' : formatCount(outbox.backlog);
    return { tone: 'bad', icon: '⚠', text: `offline: ${backlog} buffered` };
  }
  if (bus.kind === 'none') return { tone: 'warn', icon: '◇', text: 'no bus configured' };
  if (outbox.backlog > 0) {
    return {
      tone: 'warn',
      icon: '↑',
      text: `${bus.kind}: ${formatCount(outbox.backlog)} to publish`,
    };
  }
  return { tone: 'ok', icon: '✓', text: `${bus.kind}: connected, outbox empty` };
}
