import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Observation } from '../../core/domain/observation';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { sharedData } from './server';

/** Every observation of a station's real 2017 10-minute file (../shared/data), in file order. */
export function readStation2017(station: 'sattelberg' | 'ellboegen'): Observation[] {
  const file = path.join(sharedData, 'sattelberg', `${station}_10min_2017.csv`);
  const reader = createSattelbergReader({ station, instrument: 'aws' });
  const records = [...reader.feed(readFileSync(file, 'utf8')), ...reader.end()];
  return records.flatMap((record) => record.observations);
}
