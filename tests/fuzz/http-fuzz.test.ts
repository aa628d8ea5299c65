import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../core/contracts/http';
import { openBus } from '../../infra/bus/open-bus';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';
import { answerProblems } from './answer-checks';
import { backtestRequests } from './backtest-requests';
import { describeRequest, FuzzClient } from './fuzz-client';
import type { FuzzRequest } from './fuzz-request';
import { FuzzTally } from './fuzz-tally';
import { batchesFor, readFuzzSettings, REQUIRED_DEFAULT_REQUESTS } from './fuzz-settings';
import { ingestRequests } from './ingest-requests';
import {
  attemptUpgrade,
  upgradeAttempts,
  upgradeProblems,
  type UpgradeAttempt,
} from './live-upgrades';
import { routeRequests } from './route-requests';

// Hostile input, generated: every route of the route table, ingest, backtest and the live
// socket get thousands of malformed, huge, deep and injected requests over real HTTP. None
// may get a 5xx or hang, every refusal must say why, and afterwards the station must be
// healthy with nothing lost. Replay a failure with the printed FIRN_FUZZ_SEED.

const settings = readFuzzSettings();
const backend = backends.find((candidate) => candidate.name === settings.backend);
/** Small limits, so that bodies past them are cheap to make and send. */
const LIMITS = { maxBodyBytes: 1024 * 1024, maxRowsPerBatch: 2_000 };
const SATTELBERG = ['air_temperature', 'wind_speed', 'wind_direction', 'relative_humidity'].map(
  (variable) => `sattelberg.aws.${variable}`,
);
/** Stored before the fuzzing starts and read back after it: hostile input loses nothing. */
const SENTINEL = { datastream: SATTELBERG[0], time: '2011-11-11T11:11:00Z', value: -11.5 };

describe(`hostile HTTP input on ${settings.backend} (FIRN_FUZZ_SEED=${settings.seed})`, () => {
  let station: TestStation;
  let client: FuzzClient;
  const tally = new FuzzTally();

  beforeAll(async () => {
    if (!backend) throw new Error(`no test backend ${settings.backend}`);
    console.log(
      `[fuzz] seed ${settings.seed}, ${settings.requestBudget} requests, ${settings.concurrency} in flight ` +
        '(FIRN_FUZZ_SEED, FIRN_FUZZ_RUNS, FIRN_FUZZ_CONCURRENCY, FIRN_FUZZ_BACKEND, FIRN_FUZZ_SHRINK=1)',
    );
    // With a bus, as every real station has: routes that queue jobs run for real, and a
    // request that passes validation is not refused for want of one.
    station = await startTestStation(backend, { ...LIMITS, bus: (db) => openBus({ db }) });
    client = new FuzzClient(station.server.port, settings.concurrency);
    const stored = await station.post(JSON.stringify({ observations: [SENTINEL] }));
    expect(await stored.json()).toMatchObject({ accepted: 1, rejected: [] });
  });

  afterAll(async () => {
    console.log(tally.report());
    client?.close();
    await station?.close();
  });

  /** Sends one batch at once; throws with every broken answer, described for replay. */
  async function sendBatch(batch: FuzzRequest[]): Promise<void> {
    const problems = await Promise.all(
      batch.map(async (request) => {
        try {
          const answer = await client.send(request);
          tally.record(request.area, answer.status, answer.replayed !== undefined);
          return answerProblems(request, answer).map((p) => `${describeRequest(request)}\n  ${p}`);
        } catch (error) {
          tally.record(request.area, 0);
          return [`${describeRequest(request)}\n  no answer: ${(error as Error).message}`];
        }
      }),
    );
    const broken = problems.flat();
    if (broken.length > 0) throw new Error(broken.join('\n'));
  }

  async function sendUpgrades(batch: UpgradeAttempt[]): Promise<void> {
    const outcomes = await Promise.all(
      batch.map(async (attempt) => {
        const outcome = await attemptUpgrade(station.server.port, attempt);
        tally.record('live:upgrade', outcome.status);
        return upgradeProblems(attempt, outcome);
      }),
    );
    const broken = outcomes.flat();
    if (broken.length > 0) throw new Error(broken.join('\n'));
  }

  /** Runs `share` of the request budget as batches of `batchSize` generated items. */
  async function fuzz<T>(
    items: fc.Arbitrary<T>,
    share: number,
    send: (batch: T[]) => Promise<void>,
  ) {
    const size = settings.batchSize;
    await fc.assert(fc.asyncProperty(fc.array(items, { minLength: size, maxLength: size }), send), {
      seed: settings.seed,
      numRuns: batchesFor(settings, share),
      endOnFailure: !settings.shrink,
      // The failing batch is already described in the error; the default report would
      // print every body of the batch, megabytes of it.
      reporter: (details) => {
        if (!details.failed) return;
        const cause = details.errorInstance;
        throw new Error(
          `fuzz failure (FIRN_FUZZ_SEED=${details.seed}, path ${details.counterexamplePath}):\n` +
            (cause instanceof Error ? cause.message : String(cause)),
        );
      },
    });
  }

  it('answers every route of the route table with < 500 and a clear 4xx', async () => {
    await fuzz(routeRequests, 0.34, sendBatch);
  });

  it('ingest: any token, any body, answers 401, 413, 4xx or 200 with every row accounted', async () => {
    const limits = { maxBodyBytes: LIMITS.maxBodyBytes, maxRows: LIMITS.maxRowsPerBatch };
    const target = { token: station.token, datastreams: SATTELBERG, ...limits };
    await fuzz(ingestRequests(target), 0.36, sendBatch);
  });

  it('backtest: any rule document and range answers 200 or a clear 4xx', async () => {
    await fuzz(backtestRequests, 0.24, sendBatch);
  });

  it('live socket: any upgrade is answered and foreign origins stay out', async () => {
    await fuzz(upgradeAttempts(station.server.port), 0.06, sendUpgrades);
  });

  it('is healthy afterwards and has lost nothing', async () => {
    const url = station.server.url;
    expect((await fetch(`${url}${routes.health.path}`)).status).toBe(200);
    const fresh = { datastream: SATTELBERG[1], time: '2012-12-12T12:12:00Z', value: 12.25 };
    const stored = await station.post(JSON.stringify({ observations: [fresh] }));
    expect(await stored.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    for (const { datastream, time, value } of [SENTINEL, fresh]) {
      const key = encodeURIComponent(String(datastream));
      const range = `from=${encodeURIComponent(time)}&to=${encodeURIComponent(time)}`;
      const series = await (
        await fetch(`${url}/api/v1/datastreams/${key}/observations?${range}`)
      ).json();
      expect(series).toMatchObject({ t: [Date.parse(time)], v: [value] });
    }
    // The server runs in this process: a parser that merged `__proto__` would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (settings.usesDefaults) {
      const sent = 'requests sent (fewer when a property above stopped at a failure)';
      expect(tally.total, sent).toBeGreaterThanOrEqual(REQUIRED_DEFAULT_REQUESTS);
    }
  });
});
