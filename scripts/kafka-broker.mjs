// The pieces of one single-node KRaft broker (broker + controller in one JVM) on loopback: its
// files, its config, storage formatting, and how to tell whether it is ours and whether it answers.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureKafkaLibs, javaBin, log4jConfig, repoRoot, say } from './kafka-jars.mjs';

/** Everything about a broker follows from its data folder and port (controller = port + 1). */
export function brokerPaths(options = {}) {
  const { FIRN_KAFKA_DATA, FIRN_KAFKA_PORT } = process.env;
  const dataDir = options.dataDir ?? (FIRN_KAFKA_DATA || path.join(repoRoot, '.firn', 'kafka'));
  const port = Number(options.port ?? (FIRN_KAFKA_PORT || 19092));
  const file = (name) => path.join(dataDir, name);
  const [pidFile, logFile] = [file('broker.pid'), file('broker.log')];
  return { dataDir, port, brokers: `127.0.0.1:${port}`, pidFile, logFile, file };
}

/** The pid from the pid file if that process is alive and is a Kafka JVM (pids get recycled). */
export function runningPid({ pidFile }) {
  const pid = Number(fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8'));
  if (!pid) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const cmdline = `/proc/${pid}/cmdline`; // Linux only; elsewhere trust the pid file
  if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, 'utf8').includes('kafka.Kafka')) {
    return undefined;
  }
  return pid;
}

export const tcpOpen = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 1000 });
    const finish = (open) => (socket.destroy(), resolve(open));
    socket.on('connect', () => finish(true));
    socket.on('error', () => finish(false)).on('timeout', () => finish(false));
  });

/** An open port is not enough (the listener opens before the broker serves): ask for metadata. */
export async function brokerAnswers({ port, brokers }) {
  if (!(await tcpOpen(port))) return false;
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  const quietOnce = { logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 };
  const admin = new Kafka({ brokers: [brokers], ...quietOnce }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export function writeBrokerConfig({ dataDir, port, file }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const controller = `127.0.0.1:${port + 1}`;
  // Static controller.quorum.voters, not 4.x's controller.quorum.bootstrap.servers + `format
  // --standalone`: the dynamic form stores the controller endpoint in the metadata log at format
  // time, so a later port change would strand the data folder. Static voters read it from here.
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://${controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': file('logs'),
    'num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0, // consumers in tests should not wait 3 s to join
    // Internal topics default to 3 replicas, which a single node can never satisfy.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  fs.writeFileSync(file('server.properties'), `${lines.join('\n')}\n`);
  fs.writeFileSync(file('log4j2.properties'), log4jConfig('INFO', 'SYSTEM_OUT'));
}

/** KRaft refuses to start on an unformatted log dir; meta.properties marks a formatted one. */
export function formatStorageOnce({ dataDir, file }) {
  if (fs.existsSync(file('logs/meta.properties'))) return;
  let clusterId = randomBytes(16).toString('base64url'); // the shape `kafka-storage random-uuid` prints
  while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url'); // not a flag
  say(`formatting KRaft storage in ${dataDir} (cluster id ${clusterId})`);
  const classpath = path.join(ensureKafkaLibs(), '*');
  const formatArgs = ['format', '--cluster-id', clusterId, '--config', file('server.properties')];
  const format = spawnSync(javaBin, ['-cp', classpath, 'kafka.tools.StorageTool', ...formatArgs], {
    encoding: 'utf8',
  });
  if (format.status !== 0)
    throw new Error(`storage format failed:\n${format.stdout}${format.stderr}`);
}

/** Detached in its own process group so the broker outlives `up` and a Ctrl-C in its terminal. */
export function startBrokerProcess({ file, pidFile, logFile }) {
  const classpath = path.join(ensureKafkaLibs(), '*');
  const jvmArgs = [
    '-Xmx512m',
    '-Xms256m',
    `-Dlog4j2.configurationFile=${file('log4j2.properties')}`,
  ];
  const logFd = fs.openSync(logFile, 'w');
  const args = [...jvmArgs, '-cp', classpath, 'kafka.Kafka', file('server.properties')];
  const child = spawn(javaBin, args, { detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
  say(`started broker pid ${child.pid}, log ${logFile}`);
}

export function logTail({ logFile }, lineCount = 40) {
  if (!fs.existsSync(logFile)) return '(no broker log)';
  return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lineCount).join('\n');
}
