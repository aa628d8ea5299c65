import { WebSocket } from 'ws';
import type { Observation } from '../../core/domain/observation';
import type { TestStation } from '../../tests/support/server';
import type { OutboxRelay } from '../../workers/relay/outbox-relay';

export const PROBE = 'sattelberg.bench.probe';
const TICK_MS = 20;

export interface Latency {
  p50: number;
  p99: number;
  measured: number;
  expected: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/**
 * Ingest at `rate` observations/s (the load's datastreams, new times) plus one probe value
 * per request that flips the probe rule: each request makes one alert transition. Latency
 * is from the ingest answer to that transition on the live socket, as a desk sees it.
 */
export async function alertLatency(
  station: TestStation,
  relay: OutboxRelay,
  load: readonly Observation[],
  rate: number,
  seconds: number,
): Promise<Latency> {
  const answeredAt = new Map<number, number>();
  const latencies: number[] = [];
  const socket = new WebSocket(`${station.server.url.replace('http', 'ws')}/api/v1/live`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.on('message', (data) => {
    const now = performance.now();
    const message = JSON.parse(String(data)) as { type: string; ruleId?: string; atMs?: number };
    if (message.type !== 'alert' || message.ruleId !== 'bench-probe') return;
    const answered = answeredAt.get(message.atMs ?? NaN);
    if (answered !== undefined) {
      latencies.push(now - answered);
      answeredAt.delete(message.atMs!); // the first transition at that time counts
    }
  });
  const perTick = Math.round((rate * TICK_MS) / 1000) - 1;
  const start = performance.now();
  const epoch = Date.UTC(2030, 0, 1);
  let tick = 0;
  while (performance.now() - start < seconds * 1000) {
    const timeMs = epoch + tick * 60_000;
    const rows = Array.from({ length: perTick }, (_, i) => {
      const o = load[(tick * perTick + i) % load.length]!;
      return { datastream: o.datastream, time: new Date(timeMs + i).toISOString(), value: o.value };
    });
    rows.push({
      datastream: PROBE,
      time: new Date(timeMs).toISOString(),
      value: tick % 2 ? 1 : -1,
    });
    const res = await station.post(JSON.stringify({ observations: rows }));
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
    answeredAt.set(timeMs, performance.now());
    relay.wake();
    tick += 1;
    const next = start + tick * TICK_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const expected = tick - 1; // the first probe value (-1) changes nothing
  const deadline = performance.now() + 30_000;
  while (latencies.length < expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  socket.close();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    measured: latencies.length,
    expected,
  };
}
