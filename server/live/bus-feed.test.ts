import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Observation } from '../../core/domain/observation';
import { EmbeddedLog } from '../../infra/bus/embedded-log';
import type { BusMessage } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { createLogger } from '../../infra/logger';
import { backends } from '../../tests/support/backends';
import { feedLiveFromBus } from './bus-feed';

// The live feed reads every observation on the bus (a hut's drain comes at tens of
// thousands a second): only watched datastreams are decoded, and only they are reported.

let db: Database;
let dispose: () => Promise<void>;
beforeAll(async () => ({ db, dispose } = await backends[1]!.open()));
afterAll(() => dispose());

const relayed = (datastream: string, timeMs: number): BusMessage => ({
  key: datastream,
  value: JSON.stringify({
    v: 1,
    datastream,
    time: new Date(timeMs).toISOString(),
    timeMs,
    value: timeMs / 10,
    quality: null,
    batchId: 1,
  }),
});

it('passes on watched datastreams only, and reads nothing of the others', async () => {
  const bus = new EmbeddedLog({ db, topicPrefix: 'feed.', trimIntervalMs: 0 });
  await bus.ensureTopics();
  const logger = createLogger('silent');
  const warn = vi.spyOn(logger, 'warn');
  const got: Observation[] = [];
  const feed = feedLiveFromBus(
    bus,
    {
      watches: (key) => key === 'a.b.watched',
      observations: (batch) => got.push(...batch),
      alerts: () => undefined,
    },
    logger,
  );
  // The feed starts at the end of the topic once it has joined: probe until it has.
  let probe = 0;
  await vi.waitFor(
    async () => {
      await bus.publish('observations', [relayed('a.b.watched', probe++)]);
      expect(got.length).toBeGreaterThan(0);
    },
    { timeout: 20_000, interval: 250 },
  );
  got.length = 0;
  warn.mockClear();

  await bus.publish('observations', [
    relayed('x.y.unwatched', 5_000),
    { key: 'x.y.unwatched', value: 'garbage nobody watches' },
    relayed('a.b.watched', 10_000),
    { key: 'a.b.watched', value: 'not json' },
    relayed('a.b.watched', 10_010),
  ]);
  await vi.waitFor(() => expect(got.map((o) => o.timeMs)).toContain(10_010), { timeout: 10_000 });
  // (Late probes may still come in: they are watched too.)
  expect(got.filter((o) => o.timeMs >= 5_000)).toEqual([
    { datastream: 'a.b.watched', timeMs: 10_000, value: 1_000, quality: null },
    { datastream: 'a.b.watched', timeMs: 10_010, value: 1_001, quality: null },
  ]);
  // The unreadable watched message is reported; the unwatched one was never read.
  expect(warn).toHaveBeenCalledTimes(1);
  await feed.stop();
  await bus.close();
});
