import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  instrumentCatalogueSchema,
  type InstrumentCatalogue,
} from '../../core/operations/instrument-catalogue';

export const defaultCatalogueFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'resources',
  'instruments',
  'catalogue.json',
);

/**
 * The operable instruments: FIRN_INSTRUMENT_CATALOGUE names another file (a site's own, or a
 * test's), else the one shipped in resources/. Checked: a broken file stops the start.
 */
export function readInstrumentCatalogue(
  file = process.env.FIRN_INSTRUMENT_CATALOGUE || defaultCatalogueFile,
): InstrumentCatalogue {
  return instrumentCatalogueSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
