import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedSchema, type Seed } from '../catalog/seed';

const seedFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'resources',
  'seed.json',
);

let seed: Seed | undefined;

/**
 * The registered station of a DWD station number, from the seed (the database keeps no
 * DWD numbers), as `firn import` finds it. Read once, when the first DWD file arrives.
 */
export function dwdStationOf(dwdId: number): string | undefined {
  seed ??= seedSchema.parse(JSON.parse(fs.readFileSync(seedFile, 'utf8')));
  return seed.stations.find((s) => s.dwdStationId !== undefined && s.dwdStationId === dwdId)?.id;
}
