import { datastreamKeySchema } from '../domain/observation';

/** Where the values of a station file go: `<station>.<instrument>.<variable>`. */
export interface StationFileOptions {
  station: string;
  instrument: string;
}

/**
 * The datastream key of each variable. Wrong options are a caller's mistake, not a problem
 * of the file, so they throw a RangeError when the reader is created.
 */
export function datastreamKeys<Column extends string>(
  options: StationFileOptions,
  variables: Record<Column, { variable: string }>,
): Record<Column, string> {
  const keys = {} as Record<Column, string>;
  for (const column of Object.keys(variables) as Column[]) {
    const key = `${options.station}.${options.instrument}.${variables[column].variable}`;
    if (!datastreamKeySchema.safeParse(key).success) {
      throw new RangeError(
        `station ${JSON.stringify(options.station)} and instrument ${JSON.stringify(options.instrument)} do not form a valid datastream key (${key})`,
      );
    }
    keys[column] = key;
  }
  return keys;
}
