// A rule firing on the real Sattelberg/Ellbögen data starts exactly one simulation per
// trigger window, and the simulation survives kill -9 of its worker mid-run: the job is
// retried and succeeds, never lost and never run to success twice. Real broker, real
// PostgreSQL, the worker as its own process (as it runs in production).
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { southFoehnRuleInput } from '../../core/rules/examples/south-foehn';
import { backtest, parseRule, type RuleInput } from '../../core/rules/index';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { getJob } from '../../infra/jobs/job-store';
import { createLogger } from '../../infra/logger';
import { saveRuleVersion } from '../../infra/rules/rule-store';
import { createIngestToken } from '../../server/tokens/token-service';
import { Analyzer } from '../../workers/analyzer/analyzer';
import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { backends } from '../support/backends';
import { readStation2017 } from '../support/real-data';
import { startTestStation, type TestStation } from '../support/server';
import { startWorkerProcess } from '../support/station-process';

const logger = createLogger('silent');
const DAY = 86_400_000;

/** The shipped foehn rule with only its simulation, made heavy enough to be killed mid-run. */
const ruleInput: RuleInput = {
  ...southFoehnRuleInput,
  actions: southFoehnRuleInput.actions
    .filter((action) => action.queue === 'jobs.cod')
    .map((action) => ({
      ...action,
      params: { ...action.params, model: { ...action.params.model, particleCount: 15_000 } },
    })),
};

describe('a foehn alert on real data starts one simulation, which survives kill -9 of its worker', () => {
  let station: TestStation;
  let bus: Bus;
  let relay: OutboxRelay;
  let analyzer: Analyzer;
  let worker: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firn-simulation-trigger-'));
  const prefix = `simulation-trigger-${Date.now()}-${Math.floor(Math.random() * 1e6)}.`;
  const brokers = inject('kafkaBrokers');
  const startWorker = async () => {
    worker = await startWorkerProcess('simulation', {
      DATABASE_URL: station.databaseUrl,
      KAFKA_BROKERS: brokers,
      FIRN_TOPIC_PREFIX: prefix,
      FIRN_DATA_DIR: dataDir,
    });
  };

  beforeAll(async () => {
    station = await startTestStation(backends[0]!);
    bus = await openBus({ db: station.db, topicPrefix: prefix, kafkaBrokers: brokers.split(',') });
    await bus.ensureTopics();
    relay = new OutboxRelay({ db: station.db, bus, logger });
    relay.start();
    const document = ruleInput as unknown as Record<string, unknown>;
    await saveRuleVersion(station.db, {
      id: ruleInput.id,
      owner: 'test',
      visibility: 'everyone',
      enabled: true,
      document,
      changedBy: 'test',
      change: 'created',
    });
    analyzer = new Analyzer({ db: station.db, bus, logger, tickMs: 200 });
    await analyzer.start();
    await startWorker();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await analyzer.stop();
    await relay.stop();
    await bus.close();
    await station.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs one job per trigger window to success through a kill -9', async () => {
    const sattelberg = readStation2017('sattelberg');
    const ellboegen = readStation2017('ellboegen');
    // The first foehn episode of 2017, with the day of wind before it that the model reads.
    const rule = parseRule(ruleInput);
    const byInput = (from: number, to: number) =>
      Object.fromEntries(
        Object.entries(rule.scope).map(([input, key]) => [
          input,
          [...sattelberg, ...ellboegen].filter(
            (o) => o.datastream === key && o.timeMs >= from && o.timeMs <= to,
          ),
        ]),
      );
    const first = backtest(rule, byInput(Date.UTC(2017, 0, 1), Date.UTC(2017, 11, 31)), {
      fromMs: Date.UTC(2017, 0, 1),
      toMs: Date.UTC(2017, 11, 31),
    }).alerts[0]!;
    const range = { fromMs: first.startMs - 2 * DAY, toMs: first.startMs + DAY };
    const expected = backtest(rule, byInput(range.fromMs, range.toMs), range);
    expect(expected.jobs.length).toBeGreaterThan(0);

    const ellboegenToken = await createIngestToken(station.db, 'ellboegen', 'test');
    for (const [observations, token] of [
      [sattelberg, station.token],
      [ellboegen, ellboegenToken],
    ] as const) {
      const rows = observations.filter((o) => o.timeMs >= range.fromMs && o.timeMs <= range.toMs);
      const body = JSON.stringify({
        observations: rows.map((o) => ({
          datastream: o.datastream,
          time: new Date(o.timeMs).toISOString(),
          value: o.value,
        })),
      });
      const res = await fetch(`${station.server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
      expect(res.status).toBe(200);
      relay.wake();
    }

    const jobId = expected.jobs[0]!.id;
    await expect
      .poll(async () => (await getJob(station.db, jobId))?.progress ?? 0, {
        timeout: 120_000,
        interval: 100,
      })
      .toBeGreaterThan(0);
    worker!.kill('SIGKILL'); // mid-run: the offset is not committed, the job is still "running"
    await new Promise((resolve) => worker!.once('exit', resolve));
    await startWorker();
    await expect
      .poll(async () => (await getJob(station.db, jobId))?.state, {
        timeout: 200_000,
        interval: 250,
      })
      .toBe('succeeded');

    const job = await getJob(station.db, jobId);
    expect(job?.attempts).toBe(2);
    // Provenance: the rule version and trigger that proposed it, the code that computed it.
    expect(job?.origin).toMatchObject({
      ruleId: ruleInput.id,
      ruleVersion: 1,
      alertId: first.id,
      trigger: { startMs: first.startMs, values: { wind: expect.any(Number) } },
    });
    expect(job?.result?.provenance).toMatchObject({
      codeVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      attempt: 2,
    });
    const file = String(job?.result?.file);
    expect(existsSync(file)).toBe(true);
    const detail = await (
      await fetch(`${station.server.url}/api/v1/jobs/${encodeURIComponent(jobId)}`)
    ).json();
    expect(detail.job.result).toMatchObject({ file });
    const { rows } = await station.db.query<{ id: string }>(
      "SELECT id FROM jobs WHERE queue = 'jobs.cod' ORDER BY id",
    );
    expect(rows.map((r) => r.id)).toEqual(expected.jobs.map((j) => j.id).sort());
  }, 420_000); // two simulation runs of 15,000 particles, a Kafka rebalance between them
});
