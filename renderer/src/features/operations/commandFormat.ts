import type {
  Command,
  CommandSpec,
  Interlock,
  InstrumentView,
  RiskClass,
} from '../../../../core/contracts/operations';

export const RISK_LABEL: Record<RiskClass, string> = {
  automatic: 'automatic allowed',
  approval: 'needs approval',
  two_approvals: 'needs two approvals',
};

/** Icons next to words, so a state reads without colour. */
export const STATE_ICON: Record<string, string> = {
  proposed: '◷',
  scheduled: '⏲',
  approved: '✓',
  sent: '→',
  acknowledged: '↩',
  done: '✔',
  rejected: '✕',
  blocked: '⛔',
  failed: '✕',
  timed_out: '⌛',
  cancelled: '–',
};

export const STATE_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'unknown'> = {
  proposed: 'warn',
  scheduled: 'unknown',
  approved: 'unknown',
  sent: 'unknown',
  acknowledged: 'unknown',
  done: 'ok',
  rejected: 'bad',
  blocked: 'bad',
  failed: 'bad',
  timed_out: 'bad',
  cancelled: 'unknown',
};

export function describeInterlock(interlock: Interlock, instrument?: InstrumentView): string {
  switch (interlock.kind) {
    case 'no_daylight':
      return `no exposure in daylight (sun ≤ ${interlock.maxSolarElevationDeg}°)`;
    case 'rate_limit':
      return `at most ${interlock.maxPerHour} per hour`;
    case 'staffed':
      return instrument === undefined
        ? 'only while the station is staffed'
        : `only while the station is staffed (now ${instrument.staffed ? 'staffed' : 'not staffed'})`;
  }
}

export function specOf(
  command: Pick<Command, 'instrument' | 'command'>,
  instruments: InstrumentView[],
) {
  const instrument = instruments.find((i) => i.id === command.instrument);
  const spec: CommandSpec | undefined = instrument?.commands.find(
    (c) => c.name === command.command,
  );
  return { instrument, spec };
}

/** `{"seconds":5}` → `seconds = 5`; an empty parameter set says so. */
export function formatParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return 'no parameters';
  return entries.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(', ');
}

/** ISO time → "2026-11-25 06:40:12 UTC": the audit trail is read to the second. */
export function formatUtcSecond(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms)
    ? `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
    : iso;
}
