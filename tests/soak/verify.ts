import type { Database } from '../../infra/db/types';
import { runBacktest } from '../../server/rules/backtest-use-case';
import {
  DATASTREAMS_PER_CLIENT,
  datastreamKey,
  hundredthsAt,
  INSTRUMENT,
  soakRules,
  type Workload,
} from './workload';

/** Alerts and jobs starting this close to the end may be cut off differently: not compared. */
const END_MARGIN_MS = 15_000;

/** Stored against acknowledged, per datastream: count and checksum of the values. */
export async function checkObservations(db: Database, workload: Workload, acked: number[]) {
  const { rows } = await db.query<{ key: string; n: string; hundredths: string; distinct: string }>(
    `SELECT d.key, count(*) AS n, sum(round(o.value * 100))::bigint AS hundredths,
       count(DISTINCT o.time) AS distinct
     FROM observations o JOIN datastreams d ON d.id = o.datastream_id
     WHERE d.station_id = 'soak' GROUP BY d.key`,
  );
  const stored = new Map(rows.map((r) => [r.key, r]));
  let ackedTotal = 0;
  let storedTotal = 0;
  let lost = 0;
  let duplicates = 0;
  const checksumMismatches: string[] = [];
  for (let c = 0; c < workload.clients; c += 1) {
    const samples = acked[c] ?? 0;
    for (let d = 0; d < DATASTREAMS_PER_CLIENT; d += 1) {
      const key = datastreamKey(c, d);
      const row = stored.get(key);
      const n = Number(row?.n ?? 0);
      let expected = 0;
      for (let s = 0; s < samples; s += 1) expected += hundredthsAt(c, d, s, workload.cadenceMs);
      ackedTotal += samples;
      storedTotal += n;
      duplicates += n - Number(row?.distinct ?? 0);
      lost += Math.max(0, samples - Number(row?.distinct ?? 0));
      if (Number(row?.hundredths ?? 0) !== expected) checksumMismatches.push(key);
    }
  }
  return { acked: ackedTotal, stored: storedTotal, lost, duplicates, checksumMismatches };
}

/** The analyzer's alerts and jobs against a backtest of each rule over the stored data. */
export async function checkAgainstBacktest(db: Database, workload: Workload, endMs: number) {
  const cutoff = endMs - END_MARGIN_MS;
  const stored = await db.query<{ id: string; firing_ms: number; resolved_ms: number | null }>(
    `SELECT id, firing_ms, resolved_ms FROM alerts
     WHERE rule_id LIKE 'soak-%' AND firing_ms IS NOT NULL AND start_ms < $1`,
    [cutoff],
  );
  const storedJobs = await db.query<{ id: string }>(
    `SELECT id FROM jobs WHERE origin->>'ruleId' LIKE 'soak-%'
       AND (origin->'trigger'->>'atMs')::float8 < $1`,
    [cutoff],
  );
  const seen = new Set<string>();
  const expectedJobs = new Set<string>();
  const mismatches: string[] = [];
  const byId = new Map(stored.rows.map((a) => [a.id, a]));
  for (const rule of soakRules(workload.clients, 'soak@example.org')) {
    const from = new Date(workload.startMs).toISOString();
    const to = new Date(endMs).toISOString();
    const result = await runBacktest(db, { rule, from, to });
    for (const raw of result.alerts) {
      const alert = raw as {
        id: string;
        startMs: number;
        firingMs: number;
        resolvedMs: number | null;
      };
      if (alert.startMs >= cutoff) continue;
      seen.add(alert.id);
      const live = byId.get(alert.id);
      const resolvedComparable = alert.resolvedMs !== null && alert.resolvedMs < cutoff;
      if (!live) mismatches.push(`missing alert ${alert.id}`);
      else if (live.firing_ms !== alert.firingMs) mismatches.push(`firing time of ${alert.id}`);
      else if (resolvedComparable && live.resolved_ms !== alert.resolvedMs)
        mismatches.push(`resolve time of ${alert.id}`);
    }
    for (const raw of result.jobs) {
      const job = raw as { id: string; atMs: number };
      if (job.atMs < cutoff) expectedJobs.add(job.id);
    }
  }
  for (const id of byId.keys()) if (!seen.has(id)) mismatches.push(`extra alert ${id}`);
  const liveJobs = new Set(storedJobs.rows.map((j) => j.id));
  for (const id of expectedJobs) if (!liveJobs.has(id)) mismatches.push(`missing job ${id}`);
  for (const id of liveJobs) if (!expectedJobs.has(id)) mismatches.push(`extra job ${id}`);
  return {
    alerts: byId.size,
    backtestAlerts: seen.size,
    jobs: liveJobs.size,
    backtestJobs: expectedJobs.size,
    mismatches,
  };
}

/** Every notification sent once: one mail per Message-ID, one per notify job that succeeded. */
export async function checkNotifications(db: Database, messages: readonly string[]) {
  const counts = new Map<string, number>();
  for (const message of messages) {
    const id = /^Message-ID:\s*(\S+)/im.exec(message)?.[1] ?? `(none ${counts.size})`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jobs WHERE type = 'notify' AND state = 'succeeded'`,
  );
  const twice = [...counts.values()].filter((n) => n > 1).length;
  return { sent: messages.length, distinct: counts.size, twice, succeededJobs: rows[0]?.n ?? 0 };
}

/**
 * Every command the rules proposed ran at most once at the instrument: deliveries per id
 * against the commands table. A command ends done, or failed when the operate worker died
 * between recording `sent` and sending (never re-sent); none is left on its way.
 */
export async function checkCommands(db: Database, received: ReadonlyMap<string, number>) {
  const { rows } = await db.query<{ id: string; state: string }>(
    `SELECT id, state FROM commands WHERE instrument_id = $1`,
    [INSTRUMENT],
  );
  const states = new Map(rows.map((r) => [r.id, r.state]));
  const unfinished = rows.filter((r) => !['done', 'failed', 'timed_out'].includes(r.state));
  const unknown = [...received.keys()].filter((id) => !states.has(id));
  const notDone = [...received.keys()].filter((id) => states.get(id) !== 'done');
  return {
    commands: rows.length,
    done: rows.filter((r) => r.state === 'done').length,
    twice: [...received.values()].filter((n) => n > 1).length,
    problems: [
      ...unfinished.map((r) => `command ${r.id} left ${r.state}`),
      ...unknown.map((id) => `instrument received unknown command ${id}`),
      ...notDone.map((id) => `command ${id} delivered but recorded ${states.get(id) ?? '-'}`),
    ],
  };
}
