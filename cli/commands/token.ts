import { parseArgs } from 'node:util';
import { stationExists } from '../../server/catalog/catalog-repository';
import { createIngestToken } from '../../server/tokens/token-service';
import { withContext } from '../context';
import { requireValue, UsageError } from '../usage-error';

/** firn token create --station <id> [--label <text>]: prints the new token alone on stdout. */
export async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { station: { type: 'string' }, label: { type: 'string' } },
  });
  const station = requireValue(values.station, '--station');
  const token = await withContext(async ({ db }) => {
    if (!(await stationExists(db, station)))
      throw new UsageError(`station "${station}" does not exist`);
    return createIngestToken(db, station, values.label ?? null);
  });
  process.stdout.write(`${token}\n`);
}
