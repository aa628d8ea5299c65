import { z } from 'zod';
import { stationSchema } from '../../core/domain/station';
import type { Database } from '../../infra/db/types';
import { upsertDatastream, upsertInstrument, upsertStation } from './catalog-repository';

export const seedSchema = z.object({
  stations: z.array(
    stationSchema.extend({
      /** The DWD climate station number, so DWD files find their station. */
      dwdStationId: z.number().int().optional(),
      instruments: z.array(
        z.object({
          id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
          name: z.string(),
          cadenceSeconds: z.number().positive().nullable(),
          datastreams: z.array(
            z.object({
              variable: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
              unit: z.string(),
              description: z.string().nullable().default(null),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type Seed = z.infer<typeof seedSchema>;

/** Registers the seed's stations, instruments and datastreams in one transaction (idempotent). */
export async function applySeed(db: Database, seed: Seed): Promise<number> {
  let datastreams = 0;
  await db.transaction(async (tx) => {
    for (const { instruments, dwdStationId: _dwdId, ...station } of seed.stations) {
      await upsertStation(tx, station);
      for (const instrument of instruments) {
        await upsertInstrument(tx, station.id, instrument.id, instrument.name);
        for (const d of instrument.datastreams) {
          await upsertDatastream(tx, {
            station: station.id,
            instrument: instrument.id,
            cadenceSeconds: instrument.cadenceSeconds,
            ...d,
          });
          datastreams += 1;
        }
      }
    }
  });
  return datastreams;
}

/** Applies the seed when the database has no station yet (a new laptop install). */
export async function seedIfEmpty(db: Database, seed: Seed): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM stations LIMIT 1');
  if (rows.length > 0) return false;
  await applySeed(db, seed);
  return true;
}
