export type DetectedFormat = 'sattelberg' | 'dwd-daily' | 'csv' | 'ndjson';

const SATTELBERG_VALUE_COLUMNS = new Set(['dd', 'ff', 'p', 'rh', 't']);

function headerNames(line: string, separator: string): string[] {
  return line.split(separator).map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
}

/**
 * Guesses the format of a file from its first line; the file name decides only when the
 * line does not (e.g. an empty first line of a `.ndjson` file). Null when neither tells.
 */
export function detectFormat(firstLine: string, fileName?: string): DetectedFormat | null {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (line.startsWith('{')) return 'ndjson';
  const semicolonNames = headerNames(line, ';');
  if (semicolonNames[0] === 'stations_id' && semicolonNames.includes('mess_datum')) {
    return 'dwd-daily';
  }
  if (
    semicolonNames[0] === 'timestamp' &&
    semicolonNames.length > 1 &&
    semicolonNames.slice(1).every((name) => SATTELBERG_VALUE_COLUMNS.has(name))
  ) {
    return 'sattelberg';
  }
  const separator = semicolonNames.length > line.split(',').length ? ';' : ',';
  const names = headerNames(line, separator);
  if (['datastream', 'time', 'value'].every((name) => names.includes(name))) return 'csv';
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  if (/(^|[/\\])produkt_klima_tag_[^/\\]*\.txt$/.test(name)) return 'dwd-daily';
  return null;
}
