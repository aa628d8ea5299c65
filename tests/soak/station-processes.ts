import path from 'node:path';
import fs from 'node:fs';
import type { SoakEnvironment } from './soak-station';
import { Supervisor } from './supervisor';
import { RULE_COUNT, soakRule } from './workload';

const WORKER_READY = (name: string) => new RegExp(`^Firn worker ${name} running`);
export const NOTIFY_TO = 'desk@soak.example.org';

/**
 * The station as a deployment runs it: the server alone (FIRN_IN_PROCESS_WORKERS=none) and each
 * worker as its own process, so a kill takes down one piece. Then the soak's rules and the
 * rule owner's preferences (a storm limit high enough that every alert is mailed).
 */
export async function startStationProcesses(
  environment: SoakEnvironment,
  clients: number,
): Promise<Supervisor> {
  const logDir = path.join(environment.workDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  console.error(`[soak] process logs in ${logDir}`);
  const supervisor = new Supervisor(environment.env, logDir);
  await supervisor.start({ name: 'server', args: ['start'], ready: /^Firn control room: / });
  for (const name of ['relay', 'analyzer', 'notify']) {
    await supervisor.start({ name, args: ['worker', name], ready: WORKER_READY(name) });
  }
  const headers = { 'Content-Type': 'application/json', 'X-Firn-User': 'soak' };
  const prefs = await fetch(`${environment.url}/api/v1/users/soak/preferences`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ channels: [], storm: { maxMessages: 1000, window: '1m' } }),
  });
  if (!prefs.ok) throw new Error(`preferences: ${prefs.status} ${await prefs.text()}`);
  for (let k = 0; k < RULE_COUNT; k += 1) {
    const res = await fetch(`${environment.url}/api/v1/rules`, {
      method: 'POST',
      headers,
      body: JSON.stringify(soakRule(k, clients, NOTIFY_TO)),
    });
    if (!res.ok) throw new Error(`rule soak-${k}: ${res.status} ${await res.text()}`);
  }
  return supervisor;
}
