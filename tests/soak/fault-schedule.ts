import { SeededRandom } from '../../core/simulation/random';

// The faults of a soak: random but reproducible from a seed (printed at the start, so a
// failing run can be repeated), spread over the run with a quiet tail for the final drain.

export const PROCESS_NAMES = ['server', 'relay', 'analyzer', 'notify', 'operate'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

export type Fault =
  | { atMs: number; kind: 'kill'; process: ProcessName }
  | { atMs: number; kind: 'broker-outage'; durationMs: number }
  | { atMs: number; kind: 'postgres-restart'; mode: 'fast' | 'immediate' };

const KINDS = [...PROCESS_NAMES.map((p) => `kill ${p}`), 'broker-outage', 'postgres-restart'];

/**
 * Every kind of fault at least once, then more at random, one every `spacingMs` on average,
 * each at a jittered time, within the first 85 % of the run. A broker outage lasts up to
 * 30 s (less in a short run, so the run still has time to drain after it).
 */
export function faultSchedule(seed: number, runMs: number): Fault[] {
  const random = new SeededRandom(seed);
  const usable = runMs * 0.85;
  const count = Math.max(KINDS.length, Math.round(usable / 40_000));
  const kinds = [...KINDS];
  while (kinds.length < count) kinds.push(KINDS[Math.floor(random.uniform() * KINDS.length)]!);
  // Shuffle (Fisher–Yates) so the every-kind-once part is not always in the same order.
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.uniform() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const slot = usable / (kinds.length + 1);
  const maxOutageMs = Math.min(30_000, slot * 0.8);
  return kinds.map((kind, i): Fault => {
    const atMs = Math.round(slot * (i + 0.6 + random.uniform() * 0.6));
    if (kind === 'broker-outage') {
      return { atMs, kind, durationMs: Math.round(maxOutageMs * (0.4 + 0.6 * random.uniform())) };
    }
    if (kind === 'postgres-restart') {
      return { atMs, kind, mode: random.uniform() < 0.5 ? 'fast' : 'immediate' };
    }
    return { atMs, kind: 'kill', process: kind.slice(5) as ProcessName };
  });
}

export function describeFault(fault: Fault): string {
  const at = `${(fault.atMs / 1000).toFixed(1)} s`;
  if (fault.kind === 'kill') return `${at}: kill -9 ${fault.process}`;
  if (fault.kind === 'broker-outage')
    return `${at}: stop the Kafka broker for ${(fault.durationMs / 1000).toFixed(1)} s`;
  return `${at}: restart PostgreSQL (${fault.mode})`;
}
