import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Observation } from '../../core/domain/observation';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { sharedData } from '../../tests/support/server';

/**
 * The real 2017 10-minute data of Sattelberg and Ellbögen, every variable, merged in
 * measurement time as the two stations would deliver it live: the rules bench's load.
 */
export function realLoad(): Observation[] {
  const stations = (['sattelberg', 'ellboegen'] as const).map((station) => {
    const file = path.join(sharedData, 'sattelberg', `${station}_10min_2017.csv`);
    const reader = createSattelbergReader({ station, instrument: 'aws' });
    const records = [...reader.feed(readFileSync(file, 'utf8')), ...reader.end()];
    return records.flatMap((record) => record.observations);
  });
  return stations.flat().sort((a, b) => a.timeMs - b.timeMs);
}

export interface DatastreamStats {
  key: string;
  /** Values at the 1st, 10th, 50th, 90th and 99th percentile. */
  p01: number;
  p10: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Per datastream, a few percentiles: rules get thresholds that real data crosses now and then. */
export function statsOf(load: readonly Observation[]): DatastreamStats[] {
  const values = new Map<string, number[]>();
  for (const o of load) {
    const list = values.get(o.datastream) ?? [];
    list.push(o.value);
    values.set(o.datastream, list);
  }
  return [...values.entries()]
    .map(([key, list]) => {
      list.sort((a, b) => a - b);
      const at = (p: number) => list[Math.floor((list.length - 1) * p)] as number;
      return { key, p01: at(0.01), p10: at(0.1), p50: at(0.5), p90: at(0.9), p99: at(0.99) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
