import type { Observation } from '../../core/domain/observation';
import type { Bus } from '../../infra/bus/types';
import type { Analyzer } from '../../workers/analyzer/analyzer';
import { toMessage } from '../../workers/relay/outbox-relay';

const PUBLISH_CHUNK = 20_000;

/** Puts the load on the `observations` topic as the relay would (keyed by datastream). */
export async function publishLoad(bus: Bus, load: readonly Observation[]): Promise<void> {
  for (let i = 0; i < load.length; i += PUBLISH_CHUNK) {
    const chunk = load.slice(i, i + PUBLISH_CHUNK);
    await bus.publish(
      'observations',
      chunk.map((o) => toMessage({ ...o, batchId: 0 })),
    );
  }
}

async function until(done: () => boolean, label: () => string): Promise<void> {
  let polls = 0;
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (++polls % 300 === 0) console.error(`  … ${label()}`);
  }
}

/** A consumer that does nothing but count: the ceiling for any consumer of the topic. */
export async function noopRate(bus: Bus, groupId: string, total: number): Promise<number> {
  let received = 0;
  const started = performance.now();
  const subscription = await bus.subscribe({
    groupId,
    topics: ['observations'],
    fromBeginning: true,
    eachBatch: async ({ messages }) => {
      received += messages.length;
    },
  });
  await until(
    () => received >= total,
    () => `no-op consumer ${received}/${total}`,
  );
  const seconds = (performance.now() - started) / 1000;
  await subscription.stop();
  return total / seconds;
}

/** The analyzer reading the same topic from the start, every rule evaluated, effects stored. */
export async function analyzerRate(analyzer: Analyzer, total: number): Promise<number> {
  const started = performance.now();
  await analyzer.start();
  await until(
    () => analyzer.status.observations >= total,
    () => `analyzer ${analyzer.status.observations}/${total}, ${analyzer.status.events} events`,
  );
  return total / ((performance.now() - started) / 1000);
}
