import {
  chooseSource as chooseImportSource,
  SourceChoiceError,
  type SourceOptions,
} from '../../server/import/choose-source';
import { readSeed } from '../context';
import { UsageError } from '../usage-error';

export type { SourceOptions } from '../../server/import/choose-source';

/**
 * Chooses how to read a file (server/import/choose-source.ts, shared with the portal
 * upload); DWD station numbers are looked up in the seed, and a file that cannot be read
 * as given is a usage error naming the option to give.
 */
export function chooseSource(file: string, head: string, options: SourceOptions) {
  try {
    return chooseImportSource(file, head, options, {
      dwdStation: (dwdId) =>
        readSeed().stations.find((s) => s.dwdStationId !== undefined && s.dwdStationId === dwdId)
          ?.id,
      option: (name) => `--${name}`,
    });
  } catch (error) {
    if (error instanceof SourceChoiceError) throw new UsageError(error.message);
    throw error;
  }
}
