// The analyzer on the real broker and PostgreSQL: the real 2017 10-minute data of Sattelberg
// and Ellbögen streamed at full speed through ingest must raise exactly the foehn alerts and
// jobs that the backtest finds over the same data, through a clean restart and a crash
// (a checkpoint older than the committed offsets) in the middle of the stream.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Observation } from '../../core/domain/observation';
import { southFoehnRule, southFoehnRuleInput } from '../../core/rules/examples/south-foehn';
import { backtest } from '../../core/rules/index';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { createLogger } from '../../infra/logger';
import { saveRuleVersion } from '../../infra/rules/rule-store';
import { createIngestToken } from '../../server/tokens/token-service';
import { Analyzer } from '../../workers/analyzer/analyzer';
import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { backends } from '../support/backends';
import { readStation2017 } from '../support/real-data';
import { startTestStation, type TestStation } from '../support/server';

const logger = createLogger('silent');
const BATCH = 5_000;

describe('analyzer on the real broker: south foehn 2017 streamed through ingest', () => {
  let station: TestStation;
  let bus: Bus;
  let relay: OutboxRelay;
  let analyzer: Analyzer;
  const prefix = `analyzer-test-${Date.now()}-${Math.floor(Math.random() * 1e6)}.`;
  const startAnalyzer = async () => {
    analyzer = new Analyzer({ db: station.db, bus, logger, tickMs: 200, checkpointEveryMs: 300 });
    await analyzer.start();
  };

  beforeAll(async () => {
    station = await startTestStation(backends[0]!);
    bus = await openBus({
      db: station.db,
      topicPrefix: prefix,
      kafkaBrokers: inject('kafkaBrokers').split(','),
    });
    await bus.ensureTopics();
    relay = new OutboxRelay({ db: station.db, bus, logger });
    relay.start();
    await saveRuleVersion(station.db, {
      id: southFoehnRuleInput.id,
      owner: southFoehnRuleInput.owner,
      visibility: southFoehnRuleInput.visibility,
      enabled: true,
      document: southFoehnRuleInput,
      changedBy: 'test',
      change: 'created',
    });
    await startAnalyzer();
  });
  afterAll(async () => {
    await analyzer.stop();
    await relay.stop();
    await bus.close();
    await station.close();
  });

  const drained = async () => {
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    return rows[0]!.n === 0 && (await bus.lag('analyzer', ['observations'])) === 0;
  };

  it('raises the alerts and jobs of the backtest, through a restart and a crash', async () => {
    const ellboegenToken = await createIngestToken(station.db, 'ellboegen', 'test');
    const streams = [
      { observations: readStation2017('sattelberg'), token: station.token },
      { observations: readStation2017('ellboegen'), token: ellboegenToken },
    ];
    const post = async (stream: (typeof streams)[number], rows: Observation[]) => {
      const body = JSON.stringify({
        observations: rows.map((o) => ({
          datastream: o.datastream,
          time: new Date(o.timeMs).toISOString(),
          value: o.value,
        })),
      });
      const res = await fetch(`${station.server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stream.token}` },
        body,
      });
      expect(res.status).toBe(200);
      relay.wake();
    };
    // Both stations stream at once, each as fast as ingest answers, in batches.
    const ingest = (fromShare: number, toShare: number) =>
      Promise.all(
        streams.map(async (stream) => {
          const all = stream.observations;
          const end = Math.floor(all.length * toShare);
          for (let i = Math.floor(all.length * fromShare); i < end; i += BATCH) {
            await post(stream, all.slice(i, Math.min(i + BATCH, end)));
          }
        }),
      );

    await ingest(0, 0.3);
    await expect.poll(drained, { timeout: 150_000, interval: 200 }).toBe(true);
    await expect.poll(async () => (await checkpointCount()) > 0, { timeout: 5_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400)); // one more checkpoint after the drain
    const early = await station.db.query(
      'SELECT rule_id, fingerprint, snapshot FROM rule_checkpoints',
    );

    await ingest(0.3, 0.5);
    await analyzer.stop(); // a clean restart: the checkpoint is written on the way out
    await ingest(0.5, 0.6); // stored while no analyzer runs
    // A crash: the state on record is older than the offsets the group committed.
    await station.db.query('UPDATE rule_checkpoints SET snapshot = $1 WHERE rule_id = $2', [
      JSON.stringify(early.rows[0]!.snapshot),
      southFoehnRuleInput.id,
    ]);
    await startAnalyzer();
    await ingest(0.6, 1);
    await expect.poll(drained, { timeout: 150_000, interval: 250 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the last batch's effects

    const rule = southFoehnRule();
    const byInput = Object.fromEntries(
      Object.entries(rule.scope).map(([input, key]) => [
        input,
        streams.flatMap((s) => s.observations).filter((o) => o.datastream === key),
      ]),
    );
    const expected = backtest(rule, byInput, {
      fromMs: Date.UTC(2017, 0, 1),
      toMs: Date.UTC(2017, 11, 31, 23, 50),
    });
    const { rows: alerts } = await station.db.query<{
      id: string;
      firing_ms: number;
      resolved_ms: number | null;
    }>(
      `SELECT id, firing_ms, resolved_ms FROM alerts WHERE firing_ms IS NOT NULL ORDER BY start_ms`,
    );
    expect(alerts.length).toBeGreaterThan(5);
    expect(alerts.map((a) => [a.id, a.firing_ms, a.resolved_ms])).toEqual(
      expected.alerts.map((a) => [a.id, a.firingMs, a.resolvedMs]),
    );
    const { rows: jobs } = await station.db.query<{
      id: string;
      state: string;
      message: string | null;
    }>('SELECT id, state, message FROM jobs ORDER BY id');
    expect(jobs.map((j) => j.id)).toEqual(expected.jobs.map((j) => j.id).sort());
    // 2017 data arriving today is backfill: its notifications are recorded, not sent.
    const notifications = jobs.filter((j) => j.id.endsWith('-notify'));
    expect(
      notifications.every((j) => j.state === 'cancelled' && /backfill/.test(j.message ?? '')),
    ).toBe(true);
    const { rows: repeats } = await station.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT alert_id, type FROM alert_events
       GROUP BY alert_id, type HAVING count(*) > 1) AS twice`,
    );
    expect(repeats[0]!.n).toBe(0);
  }, 300_000); // a year of two stations through ingest, relay, broker and analyzer, twice interrupted

  async function checkpointCount(): Promise<number> {
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM rule_checkpoints',
    );
    return rows[0]!.n;
  }
});
