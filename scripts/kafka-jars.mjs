// Kafka's jars come from Maven Central (the only Java source reachable here): resources/kafka/pom.xml
// lists them and `mvn dependency:copy-dependencies` copies them into a per-version cache folder.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pomPath = path.join(repoRoot, 'resources/kafka/pom.xml');
const pomText = fs.readFileSync(pomPath, 'utf8');
export const kafkaVersion = /<kafka\.version>([^<]+)</.exec(pomText)[1];
export const javaBin = process.env.JAVA_HOME
  ? path.join(process.env.JAVA_HOME, 'bin', 'java')
  : 'java';

/** Progress goes to stderr: `up` keeps stdout for the bootstrap address alone. */
export const say = (message) => process.stderr.write(`[kafka] ${message}\n`);

/** Kafka logs through slf4j -> log4j2; without a config file log4j2 only prints its own error. */
export const log4jConfig = (level, target) =>
  [
    `rootLogger.level=${level}`,
    'rootLogger.appenderRef.out.ref=OUT',
    'appender.out.type=Console',
    'appender.out.name=OUT',
    `appender.out.target=${target}`,
    'appender.out.layout.type=PatternLayout',
    'appender.out.layout.pattern=[%d] %p %m (%c)%n',
    '',
  ].join('\n');

export function kafkaCacheDir() {
  const { FIRN_KAFKA_CACHE, XDG_CACHE_HOME } = process.env;
  const base = FIRN_KAFKA_CACHE || XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'firn', 'kafka', kafkaVersion);
}

/**
 * Copies the jars once per pom content. The marker holds the pom's hash and is written only after
 * a complete copy, so an interrupted download or an edited pom triggers a fresh copy.
 */
export function ensureKafkaLibs() {
  const cacheDir = kafkaCacheDir();
  const libsDir = path.join(cacheDir, 'libs');
  const marker = path.join(cacheDir, 'libs.complete');
  const pomHash = createHash('sha256').update(pomText).digest('hex');
  const complete = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === pomHash;
  if (complete && fs.existsSync(libsDir)) return libsDir;

  say(`resolving Kafka ${kafkaVersion} jars from Maven Central into ${cacheDir}`);
  // A staging folder per process: two concurrent `up`s never write into the same folder.
  const stagingDir = path.join(cacheDir, `libs.staging-${process.pid}`);
  const copyGoal = ['dependency:copy-dependencies', `-DoutputDirectory=${stagingDir}`];
  const mvnArgs = ['-q', '-B', '-f', pomPath, ...copyGoal];
  // Captured, not inherited: even with -q Maven 3.8 prints stray ANSI resets; output matters only
  // when it fails.
  const mvn = spawnSync('mvn', mvnArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (mvn.status !== 0) {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    const reason = mvn.error ?? `exit ${mvn.status}`;
    throw new Error(`mvn copy-dependencies failed (${reason}):\n${mvn.stdout}${mvn.stderr}`);
  }
  fs.rmSync(libsDir, { recursive: true, force: true });
  fs.renameSync(stagingDir, libsDir);
  fs.writeFileSync(marker, pomHash);
  return libsDir;
}

const toolsLog4jPath = () => path.join(kafkaCacheDir(), 'tools-log4j2.properties');

/** Classpath for any Kafka main class; the JVM expands the trailing `*` (quote it in shells). */
export const kafkaToolClasspath = () => path.join(ensureKafkaLibs(), '*');

/**
 * Runs a Kafka command-line tool from the same jars and collects its output, e.g. the class behind
 * kafka-producer-perf-test:
 *   runKafkaTool('org.apache.kafka.tools.ProducerPerformance', ['--topic', 'perf',
 *     '--num-records', '100000', '--record-size', '200', '--throughput', '-1',
 *     '--command-property', 'bootstrap.servers=127.0.0.1:19092'])
 * (4.4 deprecates --producer-props in favour of --command-property; both still work.)
 * ProducerPerformance prints a progress line every 5 s, then one summary line on stdout:
 *   "100000 records sent, 36075.036075 records/sec (6.88 MB/sec), 825.69 ms avg latency,
 *    1195.00 ms max latency, 911 ms 50th, 1188 ms 95th, 1193 ms 99th, 1195 ms 99.9th."
 * The summary is the last stdout line; progress lines lack the percentile fields.
 */
export function runKafkaTool(mainClass, args, { jvmArgs = ['-Xmx512m'] } = {}) {
  const classpath = kafkaToolClasspath();
  fs.writeFileSync(toolsLog4jPath(), log4jConfig('WARN', 'SYSTEM_ERR')); // keeps stdout parseable
  const log4j = `-Dlog4j2.configurationFile=${toolsLog4jPath()}`;
  const child = spawn(javaBin, [...jvmArgs, log4j, '-cp', classpath, mainClass, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
