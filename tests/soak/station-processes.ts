import path from 'node:path';
import fs from 'node:fs';
import type { SoakEnvironment } from './soak-station';
import { Supervisor } from './supervisor';
import { openPostgres } from '../../infra/db/postgres';
import { COMMAND_RULE_COUNT, INSTRUMENT, soakRules } from './workload';

const WORKER_READY = (name: string) => new RegExp(`^Firn worker ${name} running`);
export const NOTIFY_TO = 'desk@soak.example.org';

/**
 * The station as a deployment runs it: the server alone (FIRN_IN_PROCESS_WORKERS=none) and each
 * worker as its own process, so a kill takes down one piece. Then the soak's rules, the
 * rule owner's preferences (a storm limit high enough that every alert is mailed) and the
 * automation that lets the command rules' proposals run.
 */
/** The supervisor of the station's processes, logging to the work folder. */
export function createSupervisor(environment: SoakEnvironment): Supervisor {
  const logDir = path.join(environment.workDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  console.error(`[soak] process logs in ${logDir}`);
  return new Supervisor(environment.env, logDir);
}

export async function startStationProcesses(
  environment: SoakEnvironment,
  clients: number,
  supervisor: Supervisor,
): Promise<void> {
  await supervisor.start({ name: 'server', args: ['start'], ready: /^Firn control room: / });
  for (const name of ['relay', 'analyzer', 'notify', 'operate']) {
    await supervisor.start({ name, args: ['worker', name], ready: WORKER_READY(name) });
  }
  const headers = { 'Content-Type': 'application/json', 'X-Firn-User': 'soak' };
  const prefs = await fetch(`${environment.url}/api/v1/users/soak/preferences`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ channels: [], storm: { maxMessages: 1000, window: '1m' } }),
  });
  if (!prefs.ok) throw new Error(`preferences: ${prefs.status} ${await prefs.text()}`);
  const rules = soakRules(clients, NOTIFY_TO);
  for (const rule of rules) {
    const res = await fetch(`${environment.url}/api/v1/rules`, {
      method: 'POST',
      headers,
      body: JSON.stringify(rule),
    });
    if (!res.ok) throw new Error(`rule ${rule.id}: ${res.status} ${await res.text()}`);
  }
  // The desk's own user (no X-Firn-User: the local admin) lets the command rules'
  // proposals run without approval; the rule owner, a scientist, may not.
  for (let k = 0; k < COMMAND_RULE_COUNT; k += 1) {
    const res = await fetch(`${environment.url}/api/v1/operations/automations`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ruleId: `soak-cmd-${k}`,
        instrument: INSTRUMENT,
        command: 'pulse',
        enabled: true,
      }),
    });
    if (!res.ok) throw new Error(`automation soak-cmd-${k}: ${res.status} ${await res.text()}`);
  }
  await analyzerRunning(
    environment.databaseUrl,
    rules.map((r) => r.id),
  );
}

/**
 * The analyzer picks up new rules on its next tick, and a rule loaded after data arrived
 * rightly evaluates only what comes after (no alerts about the past): the load starts once
 * every rule runs, seen by its first checkpoint, or the backtest would not be comparable.
 */
async function analyzerRunning(databaseUrl: string, ruleIds: string[]): Promise<void> {
  const db = openPostgres(databaseUrl, 1);
  try {
    for (const deadline = Date.now() + 60_000; ;) {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM rule_checkpoints WHERE rule_id = ANY($1::text[])',
        [`{${ruleIds.join(',')}}`],
      );
      if ((rows[0]?.n ?? 0) === ruleIds.length) return;
      if (Date.now() > deadline) throw new Error('the analyzer did not load the rules in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.close();
  }
}
