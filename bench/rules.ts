import type { AlertEvent } from '../core/rules/index';
import { openBus } from '../infra/bus/open-bus';
import { createLogger } from '../infra/logger';
import { saveRuleVersion } from '../infra/rules/rule-store';
import { upsertDatastream, upsertInstrument } from '../server/catalog/catalog-repository';
import { liveAlertOf } from '../server/live/live-hub';
import { backends } from '../tests/support/backends';
import { startOwnBroker } from '../tests/support/kafka';
import { startTestStation } from '../tests/support/server';
import { printResult } from '../tests/support/station-process';
import { Analyzer } from '../workers/analyzer/analyzer';
import { OutboxRelay } from '../workers/relay/outbox-relay';
import { benchRules } from './rules/bench-rules';
import { alertLatency, PROBE } from './rules/latency';
import { realLoad, statsOf } from './rules/real-load';
import { analyzerRate, noopRate, publishLoad } from './rules/throughput';

const RULES = 100;

/**
 * npm run bench -- rules [--seconds N]: 100 rules on the real broker. Throughput: the real
 * 2017 data of two stations on the topic, read by a no-op consumer and then by the
 * analyzer. Latency: ingest at 10,000 obs/s, ingest answer → alert on the live socket.
 */
export async function benchRulesCommand(args: string[]): Promise<void> {
  const secondsFlag = args.indexOf('--seconds');
  const seconds = secondsFlag >= 0 ? Number(args[secondsFlag + 1]) : 10;
  const own = process.env.KAFKA_BROKERS ? undefined : await startOwnBroker();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void own?.dispose().finally(() => process.exit(130)));
  }
  const brokers = process.env.KAFKA_BROKERS ?? (own?.brokers as string);
  const prefix = `bench-rules-${Date.now()}.`;
  const station = await startTestStation(backends[0]!);
  const bus = await openBus({
    db: station.db,
    kafkaBrokers: brokers.split(','),
    topicPrefix: prefix,
  });
  const logger = createLogger('warn');
  const toLive = (events: readonly AlertEvent[]) =>
    station.server.live.publishAlerts(events.map(liveAlertOf));
  const analyzer = new Analyzer({ db: station.db, bus, logger, onEvents: toLive });
  const relay = new OutboxRelay({ db: station.db, bus, logger });
  try {
    await bus.ensureTopics();
    console.error('rules: reading the 2017 data of Sattelberg and Ellbögen…');
    const load = realLoad();
    const rules = [...benchRules(statsOf(load), RULES - 1), probeRule()];
    for (const rule of rules) {
      const document = rule as unknown as Record<string, unknown>;
      await saveRuleVersion(station.db, {
        id: rule.id,
        owner: 'bench',
        visibility: 'everyone',
        enabled: true,
        document,
        changedBy: 'bench',
        change: 'created',
      });
    }
    await upsertInstrument(station.db, 'sattelberg', 'bench', 'Bench probe');
    await upsertDatastream(station.db, {
      station: 'sattelberg',
      instrument: 'bench',
      variable: 'probe',
      unit: '1',
      cadenceSeconds: null,
      description: null,
    });
    console.error(`rules: ${load.length.toLocaleString('en')} observations onto the topic…`);
    await publishLoad(bus, load);
    console.error('rules: no-op consumer…');
    const noop = await noopRate(bus, `${prefix}noop`, load.length);
    console.error(`rules: analyzer with ${rules.length} rules…`);
    const evaluated = await analyzerRate(analyzer, load.length);
    const { events } = analyzer.status;
    console.error(`rules: latency at 10,000 obs/s for ${seconds} s…`);
    relay.start();
    const latency = await alertLatency(station, relay, load, 10_000, seconds);
    console.error(`  no-op consumer   ${Math.round(noop).toLocaleString('en')} obs/s`);
    console.error(
      `  analyzer         ${Math.round(evaluated).toLocaleString('en')} obs/s (${rules.length} rules, ${events} alert events)`,
    );
    console.error(
      `  ingest answer → alert on the live socket: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms (${latency.measured}/${latency.expected})`,
    );
    printResult({
      bench: 'rules',
      obs_per_s: Math.round(evaluated),
      noop_obs_per_s: Math.round(noop),
      ratio: Math.round((evaluated / noop) * 100) / 100,
      p50_ms: Math.round(latency.p50 * 10) / 10,
      p99_ms: Math.round(latency.p99 * 10) / 10,
      rules: rules.length,
      observations: load.length,
      alert_events: events,
    });
  } finally {
    await relay.stop();
    await analyzer.stop();
    await bus.close();
    await station.close();
    await own?.dispose();
  }
}

function probeRule() {
  return {
    id: 'bench-probe',
    name: 'Bench probe: flips with every ingest request',
    owner: 'bench',
    scope: { p: PROBE },
    condition: { kind: 'threshold' as const, of: 'p', compare: { op: 'above' as const, value: 0 } },
  };
}
