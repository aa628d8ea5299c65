// What the soak sends: `clients` ingest clients, each owning DATASTREAMS_PER_CLIENT datastreams
// sampled together every `cadenceMs` of measurement time (which follows the wall clock), so
// 4 clients × 25 datastreams × 100 Hz is 10,000 observations/s. Every value is a function of
// (datastream, sample index): the checks recompute what must be stored without keeping it.

export const STATION = 'soak';
export const DATASTREAMS_PER_CLIENT = 25;
export const RULE_COUNT = 8;
/** Rules that propose a command to the soak's instrument (run by the operate worker). */
export const COMMAND_RULE_COUNT = 2;
export const INSTRUMENT = `${STATION}.valve`;

export interface Workload {
  clients: number;
  cadenceMs: number;
  /** Measurement time of sample 0. */
  startMs: number;
}

export function workloadFor(rate: number, clients: number, startMs: number): Workload {
  const perClient = rate / clients;
  return { clients, cadenceMs: (1000 * DATASTREAMS_PER_CLIENT) / perClient, startMs };
}

export function datastreamKey(client: number, index: number): string {
  return `${STATION}.c${client}.s${String(index).padStart(2, '0')}`;
}

/** Each datastream a slow sine (period 20–44 s) between 10 and 30, in hundredths. */
export function hundredthsAt(client: number, index: number, sample: number, cadenceMs: number) {
  const periodMs = 20_000 + ((client * DATASTREAMS_PER_CLIENT + index) % 25) * 1_000;
  const phase = (sample * cadenceMs) / periodMs + index / 7;
  return Math.round(2000 + 1000 * Math.sin(2 * Math.PI * phase));
}

/** The rules of the soak: a threshold with hysteresis and a notification, like a real desk's. */
export function soakRule(k: number, clients: number, notifyTo: string) {
  const input = datastreamKey(k % clients, k);
  return {
    id: `soak-${k}`,
    name: `Soak rule ${k}: ${input} above 27`,
    owner: 'soak',
    visibility: 'everyone',
    severity: 'warning',
    scope: { x: input },
    condition: { kind: 'threshold', of: 'x', compare: { op: 'above', value: 27 } },
    noise: {
      minDuration: '1s',
      clear: { kind: 'threshold', of: 'x', compare: { op: 'below', value: 24 } },
    },
    lateness: '2s',
    staleAfter: '1m',
    horizon: '1h',
    actions: [
      {
        queue: 'jobs.sod',
        type: 'notify',
        params: {
          subject: `${input} above 27`,
          text: 'Value {{values.x}} since {{trigger.start}} ({{alert.id}})',
          channels: [{ kind: 'email', to: [notifyTo] }],
        },
      },
    ],
  };
}

/** A rule that proposes `pulse` to the soak's instrument; automation is enabled for it. */
export function soakCommandRule(k: number, clients: number) {
  const input = datastreamKey(k % clients, DATASTREAMS_PER_CLIENT - 1 - k);
  return {
    id: `soak-cmd-${k}`,
    name: `Soak command rule ${k}: pulse while ${input} is above 28`,
    owner: 'soak',
    visibility: 'everyone',
    severity: 'info',
    scope: { x: input },
    condition: { kind: 'threshold', of: 'x', compare: { op: 'above', value: 28 } },
    noise: {
      minDuration: '1s',
      clear: { kind: 'threshold', of: 'x', compare: { op: 'below', value: 22 } },
    },
    lateness: '2s',
    staleAfter: '1m',
    horizon: '1h',
    actions: [
      {
        queue: 'jobs.ood',
        type: 'instrument-command',
        params: { instrument: INSTRUMENT, command: 'pulse', params: {} },
      },
    ],
  };
}

/** Every rule of the soak, notifying ones first. */
export function soakRules(clients: number, notifyTo: string) {
  const rules: ReturnType<typeof soakRule | typeof soakCommandRule>[] = [];
  for (let k = 0; k < RULE_COUNT; k += 1) rules.push(soakRule(k, clients, notifyTo));
  for (let k = 0; k < COMMAND_RULE_COUNT; k += 1) rules.push(soakCommandRule(k, clients));
  return rules;
}
