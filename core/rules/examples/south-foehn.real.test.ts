// Runs the shipped foehn rule on the real 10-minute data of 2017 (../shared/data). Tests may
// read files; the reader under test gets plain strings like everywhere else in core.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../domain/observation';
import { createSattelbergReader } from '../../formats/sattelberg';
import { dispersionParametersSchema } from '../../simulation/index';
import { backtest } from '../backtest';
import type { AlertEvent, JobRequest } from '../engine/events';
import { createRuleEngine } from '../engine/rule-engine';
import { southFoehnRule } from './south-foehn';

function readStation(station: 'sattelberg' | 'ellboegen'): Observation[] {
  const url = new URL(
    `../../../../shared/data/sattelberg/${station}_10min_2017.csv`,
    import.meta.url,
  );
  const reader = createSattelbergReader({ station, instrument: 'aws' });
  const records = [...reader.feed(readFileSync(url, 'utf8')), ...reader.end()];
  return records.flatMap((record) => record.observations);
}

const rule = southFoehnRule();
const observations = [...readStation('sattelberg'), ...readStation('ellboegen')];
const byInput = Object.fromEntries(
  Object.entries(rule.scope).map(([input, key]) => [
    input,
    observations.filter((o) => o.datastream === key),
  ]),
);
const year = { fromMs: Date.UTC(2017, 0, 1), toMs: Date.UTC(2017, 11, 31, 23, 50) };
const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const ids = (list: readonly (AlertEvent | JobRequest)[]) => list.map((item) => item.id);

describe('south foehn on the real 2017 data of Sattelberg and Ellbögen', () => {
  const started = performance.now();
  const result = backtest(rule, byInput, year);
  const elapsedMs = performance.now() - started;

  it('finds a plausible number of foehn episodes, in the foehn seasons', () => {
    const lines = result.alerts.map(
      (a) => `  ${day(a.startMs)} → ${a.resolvedMs === null ? 'open' : day(a.resolvedMs)} UTC`,
    );
    console.log(
      `south foehn 2017: ${result.alerts.length} alerts from ${result.counters.observations} observations in ${elapsedMs.toFixed(0)} ms\n${lines.join('\n')}`,
    );
    expect(result.alerts.length).toBeGreaterThan(0);
    expect(result.alerts.length).toBeLessThan(60);
    const months = result.alerts.map((a) => new Date(a.startMs).getUTCMonth() + 1);
    expect(months.some((m) => m >= 3 && m <= 5)).toBe(true);
    expect(months.some((m) => m >= 9 && m <= 11)).toBe(true);
    // Each alert starts a backward dispersion at Ellbögen at its trigger time, and a notification.
    expect(new Set(result.jobs.map((job) => job.queue))).toEqual(new Set(['jobs.cod', 'jobs.sod']));
    expect(result.jobs).toHaveLength(2 * result.alerts.length);
    const first = result.alerts[0]!;
    const simulation = result.jobs.find((job) => job.queue === 'jobs.cod')!;
    expect(simulation.params).toMatchObject({
      model: { releaseStart: first.startMs, releaseEnd: first.firingMs },
      wind: { speed: 'sattelberg.aws.wind_speed', direction: 'sattelberg.aws.wind_direction' },
    });
    // What the simulation worker will read: the model's own parameter schema.
    expect(dispersionParametersSchema.safeParse(simulation.params.model).success).toBe(true);
    expect(elapsedMs).toBeLessThan(2000);
  });

  it('gives the same ids when run again', () => {
    const again = backtest(rule, byInput, year);
    expect(ids(again.events)).toEqual(ids(result.events));
    expect(ids(again.jobs)).toEqual(ids(result.jobs));
  });

  it('gives the same alerts and jobs streamed in batches, with a restart from a checkpoint in the middle', () => {
    // Two producers replaying at full speed: batches of each station alternate, so one
    // station runs ahead of the other by up to a batch, as on partitions of the bus.
    const stations = [readStation('sattelberg'), readStation('ellboegen')];
    const batches: Observation[][] = [];
    for (let start = 0; start < Math.max(...stations.map((s) => s.length)); start += 2000) {
      for (const station of stations) batches.push(station.slice(start, start + 2000));
    }
    let engine = createRuleEngine(rule);
    let now = Date.UTC(2026, 0, 1);
    const events: AlertEvent[] = [];
    const jobs: JobRequest[] = [];
    batches.forEach((batch, index) => {
      if (index === Math.floor(batches.length / 2)) {
        const checkpoint = JSON.parse(JSON.stringify(engine.snapshot())) as ReturnType<
          typeof engine.snapshot
        >;
        engine = createRuleEngine(rule, { snapshot: checkpoint });
      }
      for (const observation of batch) {
        const output = engine.ingest(observation, now++);
        events.push(...output.events);
        jobs.push(...output.jobs);
      }
    });
    events.push(...engine.finish(year.toMs).events);
    const shape = (list: readonly AlertEvent[]) =>
      list.map(({ id, type, atMs, values }) => ({ id, type, atMs, values }));
    expect(shape(events)).toEqual(shape(result.events));
    expect(ids(jobs)).toEqual(ids(result.jobs));
    // Replayed years later: everything is backfill, nobody is paged.
    expect(events.every((event) => event.backfill && !event.notify)).toBe(true);
  });
});
