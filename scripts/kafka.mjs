#!/usr/bin/env node
// A real single-node Kafka broker (KRaft, loopback only) for development and tests.
//   node scripts/kafka.mjs up [--port N] [--data DIR]    prints the bootstrap address last on stdout
//   node scripts/kafka.mjs down [--wipe] [--port N] [--data DIR]
//   node scripts/kafka.mjs status [--port N] [--data DIR]
// Defaults: port FIRN_KAFKA_PORT or 19092 (controller on port + 1), data FIRN_KAFKA_DATA or
// <repo>/.firn/kafka, jars cached in ${FIRN_KAFKA_CACHE:-${XDG_CACHE_HOME:-~/.cache}}/firn/kafka/<v>.
// Importable: tests and benches call kafkaUp({ dataDir, port }) to run a broker of their own.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureKafkaLibs, say } from './kafka-jars.mjs';
import {
  brokerAnswers,
  brokerPaths,
  formatStorageOnce,
  logTail,
  runningPid,
  startBrokerProcess,
  tcpOpen,
  writeBrokerConfig,
} from './kafka-broker.mjs';

export { kafkaCacheDir, kafkaToolClasspath, kafkaVersion, runKafkaTool } from './kafka-jars.mjs';

const startTimeoutMs = 90_000;
const stopGraceMs = 20_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the broker for a data folder, or reuses the one already running there, and resolves once
 * it serves metadata. options: { dataDir?, port? }. Returns { brokers, stop({ wipe }?) }.
 */
export async function kafkaUp(options = {}) {
  const broker = brokerPaths(options);
  const handle = {
    brokers: broker.brokers,
    stop: (more = {}) => kafkaDown({ ...options, ...more }),
  };
  if (!runningPid(broker)) {
    if (await tcpOpen(broker.port)) {
      throw new Error(`port ${broker.port} is already taken by another process; pick another port`);
    }
    ensureKafkaLibs(); // first, so a cold cache reports its download before anything else
    writeBrokerConfig(broker);
    formatStorageOnce(broker);
    startBrokerProcess(broker);
  }
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (await brokerAnswers(broker)) return handle;
    if (!runningPid(broker)) break; // the JVM exited: waiting longer cannot help
    await sleep(250);
  }
  const why = runningPid(broker) ? `did not answer within ${startTimeoutMs / 1000} s` : 'exited';
  const tail = logTail(broker);
  await kafkaDown(options);
  throw new Error(`Kafka on ${broker.brokers} ${why}. Log tail (${broker.logFile}):\n${tail}`);
}

/** SIGTERM lets Kafka close its logs cleanly (no recovery on next start); SIGKILL after 20 s. */
export async function kafkaDown(options = {}) {
  const broker = brokerPaths(options);
  const pid = runningPid(broker);
  if (pid) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + stopGraceMs;
    while (runningPid(broker) && Date.now() < deadline) await sleep(200);
    if (runningPid(broker)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(broker.pidFile, { force: true });
  if (options.wipe) fs.rmSync(broker.dataDir, { recursive: true, force: true });
  return Boolean(pid);
}

export function kafkaStatus(options = {}) {
  const broker = brokerPaths(options);
  const pid = runningPid(broker);
  return { running: Boolean(pid), pid, brokers: broker.brokers };
}

async function main(argv) {
  const cliOptions = {
    wipe: { type: 'boolean' },
    port: { type: 'string' },
    data: { type: 'string' },
  };
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: cliOptions,
  });
  const options = { wipe: values.wipe };
  if (values.port) options.port = Number(values.port);
  if (values.data) options.dataDir = path.resolve(values.data);
  switch (positionals[0]) {
    case 'up':
      console.log((await kafkaUp(options)).brokers);
      return 0;
    case 'down':
      say((await kafkaDown(options)) ? 'stopped' : 'was not running');
      return 0;
    case 'status': {
      const { pid, brokers } = kafkaStatus(options);
      console.log(pid ? `running (pid ${pid}) on ${brokers}` : 'not running');
      return pid ? 0 : 1;
    }
    default:
      console.error(
        'usage: node scripts/kafka.mjs up|down [--wipe]|status [--port N] [--data DIR]',
      );
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (exitCode) => (process.exitCode = exitCode),
    (error) => {
      console.error(`[kafka] ${error.message}`);
      process.exitCode = 1;
    },
  );
}
