import { parseArgs } from 'node:util';
import { datastreamKeySchema } from '../../core/domain/observation';
import { splitDatastreamKey, stationIdSchema } from '../../core/domain/station';
import {
  stationExists,
  upsertDatastream,
  upsertInstrument,
  upsertStation,
} from '../../server/catalog/catalog-repository';
import { withContext } from '../context';
import { optionalNumber, requireValue, UsageError } from '../usage-error';

/** firn station add <id> [--name --lat --lon --alt] */
export async function stationAdd(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      lat: { type: 'string' },
      lon: { type: 'string' },
      alt: { type: 'string' },
    },
  });
  const id = stationIdSchema.safeParse(requireValue(positionals[0], 'station id'));
  if (!id.success) throw new UsageError(id.error.issues[0]?.message ?? 'bad station id');
  await withContext(async ({ db }) => {
    await upsertStation(db, {
      id: id.data,
      name: values.name ?? id.data,
      latitude: optionalNumber(values.lat, '--lat'),
      longitude: optionalNumber(values.lon, '--lon'),
      altitude: optionalNumber(values.alt, '--alt'),
    });
  });
  console.log(id.data);
}

/** firn datastream add <station.instrument.variable> --unit <unit> [--cadence <s>] [--description] */
export async function datastreamAdd(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      cadence: { type: 'string' },
      description: { type: 'string' },
      'instrument-name': { type: 'string' },
    },
  });
  const key = datastreamKeySchema.safeParse(requireValue(positionals[0], 'datastream key'));
  if (!key.success) throw new UsageError(key.error.issues[0]?.message ?? 'bad datastream key');
  const unit = requireValue(values.unit, '--unit');
  const cadence = optionalNumber(values.cadence, '--cadence');
  if (cadence !== null && cadence <= 0) throw new UsageError('--cadence must be positive seconds');
  const { station, instrument, variable } = splitDatastreamKey(key.data);
  await withContext(async ({ db }) => {
    if (!(await stationExists(db, station))) {
      throw new UsageError(
        `station "${station}" does not exist; add it first: firn station add ${station}`,
      );
    }
    await db.transaction(async (tx) => {
      await upsertInstrument(tx, station, instrument, values['instrument-name'] ?? instrument);
      await upsertDatastream(tx, {
        station,
        instrument,
        variable,
        unit,
        cadenceSeconds: cadence,
        description: values.description ?? null,
      });
    });
  });
  console.log(key.data);
}
