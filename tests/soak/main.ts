// npm run soak -- [--minutes 10] [--rate 10000] [--clients 4] [--seed N]
// The whole pipeline (server, relay, analyzer, notify and operate workers as their own
// processes, on a real Kafka broker and PostgreSQL server of the soak's own) under steady
// ingest while a seeded fault schedule kills processes, stops the broker and restarts
// PostgreSQL. Then it drains and checks: nothing acknowledged lost, nothing stored twice,
// alerts and jobs equal to a backtest, no notification or instrument command sent twice.
// Ends with one line of JSON; exits 1 when a check fails.
import { parseArgs } from 'node:util';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { openPostgres } from '../../infra/db/postgres';
import { printResult } from '../support/station-process';
import { describeFault, faultSchedule } from './fault-schedule';
import { playFaults } from './faults';
import { runLoad } from './run-load';
import { prepareEnvironment } from './soak-station';
import { createSupervisor, startStationProcesses } from './station-processes';
import {
  checkAgainstBacktest,
  checkCommands,
  checkNotifications,
  checkObservations,
} from './verify';
import { waitForDrain } from './drain';
import { workloadFor } from './workload';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '4' },
    seed: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const clients = Number(values.clients);
const seed = values.seed === undefined ? Math.floor(Math.random() * 1e9) : Number(values.seed);
if (!(minutes > 0 && rate > 0 && Number.isInteger(clients) && clients > 0 && clients <= 16)) {
  console.error('usage: npm run soak -- [--minutes >0] [--rate >0] [--clients 1-16] [--seed N]');
  process.exit(2);
}

const runMs = minutes * 60_000;
const schedule = faultSchedule(seed, runMs);
console.error(`[soak] ${minutes} min at ${rate} obs/s from ${clients} clients, seed ${seed}`);
for (const fault of schedule) console.error(`[soak]   ${describeFault(fault)}`);

const environment = await prepareEnvironment(clients);
const supervisor = createSupervisor(environment);
// Whatever ends the run (a failed start, Ctrl-C), no server, broker or database stays behind.
const cleanUp = async () => {
  await supervisor.stopAll();
  await environment.dispose();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
const db = openPostgres(environment.databaseUrl, 2);
let bus: Bus | undefined;
let failed: boolean;
try {
  await startStationProcesses(environment, clients, supervisor);
  bus = await openBus({
    kafkaBrokers: [environment.broker.brokers],
    db,
    topicPrefix: 'soak.',
    clientId: 'firn-soak',
    log: () => undefined,
  });
  const startedAt = Date.now();
  const workload = workloadFor(rate, clients, startedAt);
  const faults = playFaults(schedule, startedAt, environment, supervisor);
  const acked = await runLoad(workload, environment, runMs, db);
  const faultsPlayed = await faults;
  await supervisor.allUp();
  const drainMs = await waitForDrain(db, bus);
  const endMs = startedAt + runMs;
  const observations = await checkObservations(db, workload, acked);
  const rules = await checkAgainstBacktest(db, workload, endMs);
  const mail = await checkNotifications(db, environment.smtp.messages);
  const commands = await checkCommands(db, environment.instrument.received);
  for (const problem of commands.problems.slice(0, 20)) console.error(`[soak] ${problem}`);
  for (const mismatch of rules.mismatches.slice(0, 20)) console.error(`[soak] ${mismatch}`);
  if (observations.checksumMismatches.length > 0)
    console.error(`[soak] checksum differs: ${observations.checksumMismatches.join(', ')}`);
  if (supervisor.crashes.length > 0)
    console.error(`[soak] crashed on their own: ${supervisor.crashes.join(', ')}`);
  failed =
    observations.lost > 0 ||
    observations.duplicates > 0 ||
    observations.checksumMismatches.length > 0 ||
    rules.mismatches.length > 0 ||
    mail.twice > 0 ||
    mail.distinct !== mail.succeededJobs ||
    commands.twice > 0 ||
    commands.problems.length > 0 ||
    supervisor.crashes.length > 0;
  printResult({
    bench: 'soak',
    minutes,
    rate,
    seed,
    acked: observations.acked,
    stored: observations.stored,
    lost: observations.lost,
    duplicates: observations.duplicates,
    alerts: rules.alerts,
    backtest_alerts: rules.backtestAlerts,
    jobs: rules.jobs,
    backtest_jobs: rules.backtestJobs,
    alerts_and_jobs_equal: rules.mismatches.length === 0,
    notifications: mail.sent,
    notifications_twice: mail.twice,
    commands: commands.commands,
    commands_done: commands.done,
    commands_twice: commands.twice,
    faults: faultsPlayed,
    restarts: supervisor.restarts(),
    crashes: supervisor.crashes.length,
    failed_starts: supervisor.failedStarts,
    drain_s: Math.round(drainMs / 100) / 10,
    ok: !failed,
  });
} finally {
  await bus?.close().catch(() => undefined);
  await db.close().catch(() => undefined);
  await cleanUp();
}
process.exit(failed ? 1 : 0);
