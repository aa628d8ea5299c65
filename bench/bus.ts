import type { MessageOf } from '../core/contracts/topics';
import { GZIP_LEVEL } from '../infra/bus/kafka-gzip';
import { openBus } from '../infra/bus/open-bus';
import type { Bus } from '../infra/bus/types';
import { createLogger } from '../infra/logger';
import { toMessage, OutboxRelay } from '../workers/relay/outbox-relay';
import { backends } from '../tests/support/backends';
import { loadKafkaScript, startOwnBroker } from '../tests/support/kafka';
import { observationsOf, startTestStation, type TestStation } from '../tests/support/server';
import { printResult } from '../tests/support/station-process';
import { DATASTREAMS } from './ingest';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Stores `rows` observations (5,000 a batch) while no relay runs, so the outbox holds them all. */
async function fillOutbox(station: TestStation, rows: number): Promise<void> {
  const perDatastream = 5000 / DATASTREAMS.length;
  for (let b = 0; b < rows / 5000; b += 1) {
    const start = Date.UTC(2010, 0, 1) + b * perDatastream * 600_000; // observationsOf steps 10 min
    const body = DATASTREAMS.flatMap((d) => observationsOf(d, perDatastream, start));
    const res = await station.post(JSON.stringify({ observations: body }));
    if (res.status !== 200) throw new Error(`fill failed: ${res.status}`);
  }
}

/** Relay drain of a full outbox, until a no-op consumer has every message: messages/s end to end. */
async function relayRate(
  station: TestStation,
  bus: Bus,
  rows: number,
  prefix: string,
): Promise<number> {
  let received = 0;
  const subscription = await bus.subscribe({
    groupId: `${prefix}noop`,
    topics: ['observations'],
    eachBatch: async ({ messages }) => {
      received += messages.length;
    },
  });
  const relay = new OutboxRelay({ db: station.db, bus, logger: createLogger('warn') });
  const started = performance.now();
  relay.start();
  let polls = 0;
  while (received < rows) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (++polls % 50 === 0)
      console.error(
        `  … ${received}/${rows} received, ${relay.status.published} published${relay.status.lastError ? `, ${relay.status.lastError}` : ''}`,
      );
  }
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  await subscription.stop();
  return rows / seconds;
}

/** Ingest answer → consumer receipt, at `rate` observations/s for `seconds`. */
async function latency(
  station: TestStation,
  bus: Bus,
  prefix: string,
  rate: number,
  seconds: number,
) {
  const ackedAt = new Map<string, number>();
  const latencies: number[] = [];
  const subscription = await bus.subscribe({
    groupId: `${prefix}latency`,
    topics: ['observations'],
    eachBatch: async ({ messages }) => {
      const now = performance.now();
      for (const m of messages) {
        const o = JSON.parse(m.value) as MessageOf<'observations'>;
        const acked = ackedAt.get(`${o.datastream} ${o.timeMs}`);
        if (acked !== undefined) latencies.push(now - acked);
      }
    },
  });
  const relay = new OutboxRelay({ db: station.db, bus, logger: createLogger('warn') });
  relay.start();
  const tickMs = 20;
  const perTick = (rate * tickMs) / 1000;
  const start = performance.now();
  let tick = 0;
  while (performance.now() - start < seconds * 1000) {
    const base = Date.UTC(2030, 0, 1) + tick * perTick * 1000;
    const rows = Array.from({ length: perTick }, (_, i) => ({
      datastream: DATASTREAMS[i % DATASTREAMS.length] as string,
      time: new Date(base + i * 1000).toISOString(),
      value: i,
    }));
    const res = await station.post(JSON.stringify({ observations: rows }));
    const now = performance.now();
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status}`);
    relay.wake();
    for (const r of rows) ackedAt.set(`${r.datastream} ${Date.parse(r.time)}`, now);
    tick += 1;
    const next = start + tick * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const expected = ackedAt.size;
  const deadline = performance.now() + 30_000;
  while (latencies.length < expected && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  await relay.stop();
  await subscription.stop();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    measured: latencies.length,
    expected,
  };
}

/** The broker's own producer benchmark for the same number and size of records, as durable. */
async function perfTestRate(brokers: string, records: number, recordSize: number): Promise<number> {
  const { runKafkaTool } = await loadKafkaScript();
  const result = await runKafkaTool('org.apache.kafka.tools.ProducerPerformance', [
    '--topic',
    `perf-${Date.now()}`,
    '--num-records',
    String(records),
    '--record-size',
    String(recordSize),
    '--throughput',
    '-1',
    // one --command-property takes several key=value pairs; repeating the flag keeps only the last
    '--command-property',
    `bootstrap.servers=${brokers}`,
    'acks=all',
    // the relay's codec and level, so the two compress the same way
    'compression.type=gzip',
    `compression.gzip.level=${GZIP_LEVEL}`,
  ]);
  const match = /records sent, ([\d.]+) records\/sec/.exec(
    result.stdout.trim().split('\n').at(-1) ?? '',
  );
  if (!match) throw new Error(`kafka-producer-perf-test said: ${result.stdout}\n${result.stderr}`);
  return Number(match[1]);
}

export async function benchBus(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 300_000);
  const own = process.env.KAFKA_BROKERS ? undefined : await startOwnBroker();
  // An interrupted bench must not leave its broker running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void own?.dispose().finally(() => process.exit(130)));
  }
  const brokers = process.env.KAFKA_BROKERS ?? (own?.brokers as string);
  const prefix = `bench-bus-${Date.now()}.`;
  const station = await startTestStation(backends[0]!);
  const bus = await openBus({
    db: station.db,
    kafkaBrokers: brokers.split(','),
    topicPrefix: prefix,
  });
  try {
    console.error(`bus: filling the outbox with ${rows} observations…`);
    await fillOutbox(station, rows);
    console.error('bus: relay drain → Kafka → no-op consumer…');
    const relayPerSecond = await relayRate(station, bus, rows, prefix);
    const recordSize = toMessage({
      datastream: DATASTREAMS[0]!,
      timeMs: Date.UTC(2010, 0, 1),
      value: 12.34,
      quality: null,
      batchId: 1234,
    }).value.length;
    console.error(`bus: kafka-producer-perf-test, ${rows} records of ${recordSize} bytes…`);
    const perfPerSecond = await perfTestRate(brokers, rows, recordSize);
    console.error('bus: latency at 10,000 obs/s for 10 s…');
    const lat = await latency(station, bus, prefix, 10_000, 10);
    console.error(
      `  relay → consumer         ${Math.round(relayPerSecond).toLocaleString('en')} msgs/s`,
    );
    console.error(
      `  kafka-producer-perf-test ${Math.round(perfPerSecond).toLocaleString('en')} msgs/s`,
    );
    console.error(
      `  ingest answer → consumer p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms (${lat.measured}/${lat.expected})`,
    );
    printResult({
      bench: 'bus',
      relay_msgs_per_s: Math.round(relayPerSecond),
      perf_test_msgs_per_s: Math.round(perfPerSecond),
      ratio: Math.round((relayPerSecond / perfPerSecond) * 100) / 100,
      p50_ms: Math.round(lat.p50 * 10) / 10,
      p99_ms: Math.round(lat.p99 * 10) / 10,
      record_bytes: recordSize,
    });
  } finally {
    await bus.close();
    await station.close();
    await own?.dispose();
  }
}
